import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { href, navigate, useRoute, type Page, type Route, type RouteParams } from './hooks/useRoute';
import { invalidateAfter } from './data/client';
import { prefetchPageReads } from './data/page-reads';
import { useApiMutation, useApiQuery } from './data/hooks';
import { useTheme, type ThemeChoice } from './hooks/useTheme';
import { MAIN_ID } from './hooks/useModalDialog';
import { HomePage } from './pages/Home';
import { Loading } from './components/States';
import { StoreGate } from './components/StoreGate';
import { BrowserAccess, useBrowserAccess } from './components/BrowserAccess';
import { isBrowserMode } from './api';
import iconUrl from '../../../resources/icon.svg';

// Home's chunk carries Home only: Library and Practice (Markdown, highlight.js, the editor) load on their first visit.
const LibraryPage = lazy(() => import('./pages/Library').then((m) => ({ default: m.LibraryPage })));
const PracticePage = lazy(() => import('./pages/Practice').then((m) => ({ default: m.PracticePage })));
const SessionPage = lazy(() => import('./pages/Session'));
const ResultsPage = lazy(() => import('./pages/Results'));
const HistoryPage = lazy(() => import('./pages/History'));
// recharts comes with the Stats page's chunk, not with the app.
const StatsPage = lazy(() => import('./pages/Stats'));
const DecksPage = lazy(() => import('./pages/Decks'));

interface PageEntry<P extends Page> {
  /** Shown in the sidebar when set. */
  nav?: { label: string; icon: ReactNode };
  /** The sidebar item highlighted while this page is open. */
  section?: Page;
  render: (params: RouteParams<P>) => ReactNode;
}

const PAGES: { [P in Page]: PageEntry<P> } = {
  home: {
    nav: { label: 'Home', icon: <path d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z" /> },
    render: () => <HomePage />,
  },
  practice: {
    nav: { label: 'Practice', icon: <path d="M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM12 9v4l2.5 2.5M9.5 2.5h5" /> },
    render: () => <PracticePage />,
  },
  session: { section: 'practice', render: ({ id }) => <SessionPage id={id} /> },
  results: { section: 'history', render: ({ id }) => <ResultsPage id={id} /> },
  history: {
    nav: { label: 'History', icon: <path d="M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 3" /> },
    render: () => <HistoryPage />,
  },
  stats: {
    nav: { label: 'Stats', icon: <path d="M4 20V10M10 20V4M16 20v-7M21 20H3" /> },
    render: () => <StatsPage />,
  },
  library: {
    nav: { label: 'Library', icon: <path d="M4 4h5v16H4zM10 4h5v16h-5zM16.5 4.5l3.8 1-3.9 15-3.8-1" /> },
    render: (params) => <LibraryPage params={params} />,
  },
  decks: {
    nav: { label: 'Decks', icon: <path d="M4 7h16M4 12h16M4 17h10M18 15v6M15 18h6" /> },
    render: ({ panel }) => <DecksPage panel={panel} />,
  },
};

/** The page a route names, with its typed parameters (the map's entry and the route agree on the page). */
function renderPage<P extends Page>(route: Extract<Route, { page: P }>): ReactNode {
  return (PAGES[route.page] as PageEntry<P>).render(route.params as RouteParams<P>);
}

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      {children}
    </svg>
  );
}

function ThemeSwitch() {
  const [theme, setTheme] = useTheme();
  return (
    <label className="theme-switch">
      <span className="theme-label">Theme</span>
      <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} aria-label="Theme">
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}

/**
 * On leaving the session page, marks stale what the runner's answers, grades and ending change (the
 * active session, History, Home's numbers, due reviews): the runner writes through calls of its own, not
 * through useApiMutation, so nothing else tells the cache.
 */
function useRefreshAfterRunner(page: Page): void {
  const client = useQueryClient();
  const previous = useRef(page);
  useEffect(() => {
    if (previous.current === 'session' && page !== 'session')
      for (const write of ['submitAnswer', 'gradeAttempt', 'endSession'] as const) void invalidateAfter(client, write);
    previous.current = page;
  }, [client, page]);
}

/** A lazily loaded page's first reads start with its chunk, not after it (data/page-reads.ts). */
function usePageReads(page: Page | null): void {
  const client = useQueryClient();
  useEffect(() => void (page && prefetchPageReads(client, page)), [client, page]);
}

/**
 * A session left for another page keeps running (its answer so far is saved): the sidebar says so and
 * leads back to it, through resumeSession, which after a restart gives back the time the question had.
 */
function RunningSession({ page }: { page: Page }) {
  // Not asked on the session page, where it is not shown and would be refetched after each saved draft.
  const active = useApiQuery('getActiveSession', undefined, { enabled: page !== 'session' });
  useRefreshAfterRunner(page);
  const resume = useApiMutation('resumeSession', {
    awaitRefetch: false,
    onSuccess: (view) => navigate('session', { id: view.id }),
  });
  if (page === 'session' || !active.data) return null;
  const id = active.data.id;
  return (
    <button
      type="button"
      className="nav-link nav-running"
      title="Back to your session"
      disabled={resume.isPending}
      onClick={() => resume.mutate({ sessionId: id })}
    >
      <Icon>
        <path d="M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM10 10l5 3-5 3z" />
      </Icon>
      <span className="nav-label">Back to your session</span>
    </button>
  );
}

export function App() {
  const access = useBrowserAccess();
  const route = useRoute();
  const name = route.page;
  const section = PAGES[name].section ?? name;
  // Not from browser mode's address without its token, where every call is refused.
  usePageReads(access === 'open' ? name : null);
  if (access !== 'open') return <BrowserAccess access={access} />;
  return (
    <StoreGate>
      <div className="app">
        {/* Routes live in the hash, so the link moves focus itself instead of following #main. */}
        <a
          className="skip-link"
          href={`#${MAIN_ID}`}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById(MAIN_ID)?.focus();
          }}
        >
          Skip to content
        </a>
        <nav className="sidebar" aria-label="Main">
          <div className="brand">
            <img className="brand-mark" src={iconUrl} alt="" />
            <span className="brand-name">Prepdeck</span>
          </div>
          <ul className="nav-list">
            {(Object.keys(PAGES) as Page[]).map((page) => {
              const { nav } = PAGES[page];
              return nav ? (
                <li key={page}>
                  <a
                    href={href(page)}
                    className="nav-link"
                    aria-current={section === page ? 'page' : undefined}
                    title={nav.label}
                  >
                    <Icon>{nav.icon}</Icon>
                    <span className="nav-label">{nav.label}</span>
                  </a>
                </li>
              ) : null;
            })}
          </ul>
          <RunningSession page={name} />
          <div className="sidebar-foot">
            <ThemeSwitch />
            <p className="privacy-note">{isBrowserMode ? 'Browser mode · ' : ''}Everything stays on this computer.</p>
          </div>
        </nav>
        <main className="content" id={MAIN_ID} tabIndex={-1}>
          <Suspense fallback={<Loading />}>{renderPage(route)}</Suspense>
        </main>
      </div>
    </StoreGate>
  );
}
