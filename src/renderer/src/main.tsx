// The entry: small, so that it runs as soon as it arrives. It starts the first page's calls, then loads the app
// (React, the pages, the styles), which finds them in flight or answered. The page's frame was painted from
// index.html's own styles before any of this.
import { parseRoute } from '../../shared/routes';
import { tokenMissing } from './api';
import { GATE_CALLS, HOME_CALLS, startEarly } from './data/early';

// Not from browser mode's address without its token, which can only be refused and says how to get in.
if (!tokenMissing) {
  startEarly(GATE_CALLS);
  if (parseRoute(window.location.hash).page === 'home') startEarly(HOME_CALLS);
}

void import('./boot');
