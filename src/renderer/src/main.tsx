// The global sheets (tokens, base, shared primitives) come first, so a component's module, loaded after
// them, wins over a primitive of the same specificity (`.page` then `.session-page`).
import './styles/tokens.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/app.css';
import './styles/highlight.css';
import './styles/primitives.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { api, tokenMissing } from './api';
import { prefetch } from './hooks/useQuery';

// Home's calls start now, before the first paint, all four at once (keys as Home's components use them);
// not from browser mode's address without its token, which can only be refused and says how to get in.
if (!tokenMissing && /^#?\/?(home)?(\?|$)/.test(window.location.hash)) {
  prefetch('bank-summary', () => api.getBankSummary());
  prefetch('home-stats', () => api.getHomeStats());
  prefetch('active-session', () => api.getActiveSession());
  prefetch('review', () => api.getReviewSummary());
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
