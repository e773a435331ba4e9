// The app, loaded by main.tsx once it has started the first page's calls. The global sheets (tokens, base, shared
// primitives) come first, so a component's module, loaded after them, wins over a primitive of the same specificity
// (`.page` then `.session-page`).
// styles/tokens.css and styles/layout.css are inline in index.html (the frame is drawn with them before any script).
import './styles/controls.css';
import './styles/highlight.css';
import './styles/primitives.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { apiKey, callApi, queryClient } from './data/client';
import { takeEarly } from './data/early';

// The calls main.tsx started, into the cache under the keys the pages ask by. The early answer serves the first
// attempt only: a retry (a failure on the way) asks the store again, as the page's own call would have.
for (const [call, answer] of takeEarly()) {
  let early: Promise<unknown> | null = answer;
  const queryFn = (): Promise<unknown> => {
    const taken = early;
    early = null;
    return taken ?? callApi(call, undefined);
  };
  void queryClient.prefetchQuery({ queryKey: apiKey(call), queryFn });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
