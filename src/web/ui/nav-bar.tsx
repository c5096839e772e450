import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { NavSearch } from './nav-search.js';
import { OfflineBanner } from './offline-banner.js';

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

/** Phones and narrow windows get the one-row bar with a menu; the width matches the stylesheet's. */
const NARROW = '(max-width: 640px)';

function useNarrow(): boolean {
  return useSyncExternalStore(
    (change) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', change);
      return () => query.removeEventListener('change', change);
    },
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}

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

/** The bar on a wide screen: every daily link in a row, the rest under "More", then search. */
function WideBar() {
  return (
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
  );
}

/**
 * The bar on a phone: one row with the name, Home and a Menu button that opens every other page
 * and the search box. A choice, Escape, a tap outside or a new page closes it.
 */
function NarrowBar() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const bar = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const [home, ...daily] = LINKS;
  const rest = [...daily, ...MORE_LINKS];
  const onSearchPage = pathname === '/search';

  // A new page closes the menu, except while typing a search: the box is in the menu and its
  // results open the search page as you type.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a change of page.
  useEffect(() => {
    const typing = document.activeElement?.closest('.nav-search');
    if (!typing) setOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: Event) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <nav aria-label="Main" className="nav-inner nav-narrow" ref={bar}>
      <Link to="/" className="brand">
        Rapport
      </Link>
      {home && (
        <NavLink to={home.to} end className="nav-link">
          {home.label}
        </NavLink>
      )}
      <button
        ref={button}
        type="button"
        className="nav-link nav-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      {/* The search box stays mounted, so typing keeps its focus when the search page opens;
          on that page it shows without the menu. */}
      <div className="nav-menu-panel" hidden={!open && !onSearchPage}>
        <NavSearch />
        <ul id={panelId} hidden={!open}>
          {rest.map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} className="nav-link" onClick={() => setOpen(false)}>
                {l.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/** The bar at the top of every page, and the notice that shows while the app is offline. */
export function NavBar() {
  const narrow = useNarrow();
  return (
    <>
      <header className="nav-bar">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {narrow ? <NarrowBar /> : <WideBar />}
      </header>
      <OfflineBanner />
    </>
  );
}
