import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { api, tokenMissing } from './api';
import { prefetch } from './hooks/useQuery';
import './styles/app.css';
import './styles/highlight.css';
import './styles/session.css';

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
