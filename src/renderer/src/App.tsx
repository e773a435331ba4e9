import { Suspense, type ReactNode } from 'react';
import { href, useRoute } from './hooks/useRoute';
import { useTheme, type ThemeChoice } from './hooks/useTheme';
import { HomePage } from './pages/Home';
import { LibraryPage } from './pages/Library';
import { Loading } from './components/States';
import { isBrowserMode } from './api';

const NAV: Array<{ page: string; label: string; icon: ReactNode }> = [
  { page: 'home', label: 'Home', icon: <path d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z" /> },
  {
    page: 'library',
    label: 'Library',
    icon: <path d="M4 4h5v16H4zM10 4h5v16h-5zM16.5 4.5l3.8 1-3.9 15-3.8-1" />,
  },
];

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
  const page = NAV.some((n) => n.page === route.page) ? route.page : 'home';
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
          {NAV.map((item) => (
            <li key={item.page}>
              <a href={href(item.page)} className="nav-link" aria-current={page === item.page ? 'page' : undefined}>
                <Icon>{item.icon}</Icon>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <ThemeSwitch />
          <p className="privacy-note">{isBrowserMode ? 'Browser mode · ' : ''}Everything stays on this computer.</p>
        </div>
      </nav>
      <main className="content">
        <Suspense fallback={<Loading />}>
          {page === 'home' && <HomePage />}
          {page === 'library' && <LibraryPage params={route.params} />}
        </Suspense>
      </main>
    </div>
  );
}
