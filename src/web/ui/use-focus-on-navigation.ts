import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long a page may take to show its heading (its data loading) before focus stops waiting. */
const WAIT_MS = 5000;

/**
 * After a move to another page inside the app (not on the first load, when the browser starts at the
 * top anyway), focus goes to the new page's heading, so a screen reader announces where it arrived
 * and Tab continues from there. A page that put focus in its own content (a field with autofocus)
 * keeps it. The heading may come after the page's data: it is looked for until it shows.
 */
export function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const shown = useRef(pathname);

  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const started = performance.now();
    let frame = 0;
    const focusHeading = () => {
      const main = document.getElementById('main');
      if (!main) return;
      const active = document.activeElement;
      if (active && active !== document.body && active !== main && main.contains(active)) return;
      const heading = main.querySelector('h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus();
        return;
      }
      if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(focusHeading);
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
