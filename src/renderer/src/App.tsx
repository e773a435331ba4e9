import { lazy, Suspense, type ReactNode } from 'react';
import { href, useRoute, type Route } from './hooks/useRoute';
import { useTheme, type ThemeChoice } from './hooks/useTheme';
import { HomePage } from './pages/Home';
import { Loading } from './components/States';
import { isBrowserMode } from './api';

// Home's chunk carries Home only: Library and Practice (Markdown, highlight.js, the editor) load on their first visit.
const LibraryPage = lazy(() => import('./pages/Library').then((m) => ({ default: m.LibraryPage })));
const PracticePage = lazy(() => import('./pages/Practice').then((m) => ({ default: m.PracticePage })));
const SessionPage = lazy(() => import('./pages/Session'));
const ResultsPage = lazy(() => import('./pages/Results'));
const HistoryPage = lazy(() => import('./pages/History'));
// recharts comes with the Stats page's chunk, not with the app.
const StatsPage = lazy(() => import('./pages/Stats'));
const DecksPage = lazy(() => import('./pages/Decks'));

interface PageEntry {
  /** Shown in the sidebar when set. */
  nav?: { label: string; icon: ReactNode };
  /** The sidebar item highlighted while this page is open. */
  section?: string;
  render: (route: Route) => ReactNode;
}

const PAGES: Record<string, PageEntry> = {
  home: {
    nav: { label: 'Home', icon: <path d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z" /> },
    render: () => <HomePage />,
  },
  practice: {
    nav: { label: 'Practice', icon: <path d="M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM12 9v4l2.5 2.5M9.5 2.5h5" /> },
    render: () => <PracticePage />,
  },
  session: { section: 'practice', render: (route) => <SessionPage id={Number(route.params.get('id'))} /> },
  results: { section: 'history', render: (route) => <ResultsPage id={Number(route.params.get('id'))} /> },
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
    render: (route) => <LibraryPage params={route.params} />,
  },
  decks: {
    nav: { label: 'Decks', icon: <path d="M4 7h16M4 12h16M4 17h10M18 15v6M15 18h6" /> },
    render: () => <DecksPage />,
  },
};

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
      <span>Theme</span>
      <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} aria-label="Theme">
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}

export function App() {
  const route = useRoute();
  const name = Object.hasOwn(PAGES, route.page) ? route.page : 'home';
  const entry = PAGES[name]!;
  const section = entry.section ?? name;
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">Prepdeck</span>
        </div>
        <ul className="nav-list">
          {Object.entries(PAGES).map(([page, { nav }]) =>
            nav ? (
              <li key={page}>
                <a href={href(page)} className="nav-link" aria-current={section === page ? 'page' : undefined}>
                  <Icon>{nav.icon}</Icon>
                  {nav.label}
                </a>
              </li>
            ) : null,
          )}
        </ul>
        <div className="sidebar-foot">
          <ThemeSwitch />
          <p className="privacy-note">{isBrowserMode ? 'Browser mode · ' : ''}Everything stays on this computer.</p>
        </div>
      </nav>
      <main className="content">
        <Suspense fallback={<Loading />}>{entry.render(route)}</Suspense>
      </main>
    </div>
  );
}
