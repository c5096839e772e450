import { Link, NavLink } from 'react-router';
import { NavSearch } from './nav-search.js';

const LINKS = [
  { to: '/', label: 'Home', end: true },
  { to: '/people', label: 'People', end: false },
  { to: '/organizations', label: 'Organizations', end: false },
  { to: '/conversations', label: 'Conversations', end: false },
  { to: '/targets', label: 'Targets', end: false },
  { to: '/network', label: 'Network', end: false },
  { to: '/results', label: 'Results', end: false },
  { to: '/questions', label: 'Questions', end: false },
  { to: '/documents', label: 'Documents', end: false },
  { to: '/settings', label: 'Settings', end: false },
];

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
          </ul>
        </nav>
        <NavSearch />
      </div>
    </header>
  );
}
