// The global sheets (tokens, base, shared primitives) come first, so a component's module, loaded after
// them, wins over a primitive of the same specificity (`.page` then `.session-page`).
import './styles/tokens.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/highlight.css';
import './styles/primitives.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { parseRoute } from '../../shared/routes';
import { App } from './App';
import { tokenMissing } from './api';
import { apiQuery, queryClient } from './data/client';

// Home's calls start now, before the first paint, all four at once; its components then find them in the
// cache (in flight or answered). Not from browser mode's address without its token, which can only be
// refused and says how to get in.
if (!tokenMissing && parseRoute(window.location.hash).page === 'home') {
  void queryClient.prefetchQuery(apiQuery('getBankSummary'));
  void queryClient.prefetchQuery(apiQuery('getHomeStats'));
  void queryClient.prefetchQuery(apiQuery('getActiveSession'));
  void queryClient.prefetchQuery(apiQuery('getReviewSummary'));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
