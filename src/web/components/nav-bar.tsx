import { useEffect, useRef } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { NavSearch } from './nav-search.js';

/** The daily work: always in sight. */
const LINKS = [
  { to: '/', label: 'Home', end: true },
  { to: '/people', label: 'People', end: false },
  { to: '/organizations', label: 'Organizations', end: false },
  { to: '/conversations', label: 'Conversations', end: false },
  { to: '/tasks', label: 'Tasks', end: false },
  { to: '/targets', label: 'Targets', end: false },
  { to: '/results', label: 'Results', end: false },
];

/** The log, the map of introductions, reference material and housekeeping, one click further. */
const MORE_LINKS = [
  { to: '/messages', label: 'Messages' },
  { to: '/network', label: 'Network' },
  { to: '/questions', label: 'Questions' },
  { to: '/documents', label: 'Documents' },
  { to: '/import', label: 'Import' },
  { to: '/backup', label: 'Backup' },
  { to: '/settings', label: 'Settings' },
];

/** The "More" menu: a native disclosure, closed again by a choice, Escape or a click elsewhere. */
function MoreMenu() {
  const ref = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  const active = MORE_LINKS.some((l) => pathname === l.to || pathname.startsWith(`${l.to}/`));

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu.
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const close = (e: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        menu.open = false;
        menu.querySelector('summary')?.focus();
      } else if (!menu.contains(e.target as Node)) {
        menu.open = false;
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, []);

  return (
    <details ref={ref} className="nav-more">
      <summary className={`nav-link${active ? ' active' : ''}`}>More</summary>
      <ul className="nav-more-list">
        {MORE_LINKS.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} className="nav-link">
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The bar at the top of every page. */
export function NavBar() {
  return (
    <header className="nav-bar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="nav-inner">
        <Link to="/" className="brand">
          Rapport
        </Link>
        <nav aria-label="Main">
          <ul>
            {LINKS.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to} end={l.end} className="nav-link">
                  {l.label}
                </NavLink>
              </li>
            ))}
            <li>
              <MoreMenu />
            </li>
          </ul>
        </nav>
        <NavSearch />
      </div>
    </header>
  );
}
