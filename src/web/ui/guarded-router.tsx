import {
  type ReactNode,
  startTransition,
  useEffect,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import {
  UNSAFE_createBrowserHistory as createBrowserHistory,
  type Location,
  type Navigator,
  type Path,
  parsePath,
  Router,
  type To,
} from 'react-router';

/**
 * The app's router: react-router's declarative browser router, plus the one thing the app used the
 * data router for, a navigation that waits while the unsaved-changes guard asks. The data router
 * (loaders, actions, fetchers…) weighed about 17 KB gzip of the first download and the app used
 * none of the rest.
 *
 * Every navigation goes through here: links and `navigate()` call `push`/`replace`, Back and
 * Forward arrive as a history event. When the guard's test says stop, the navigation is held (for
 * Back/Forward the address is put back) until `proceed` or `reset`.
 */

type Place = Pick<Location, 'pathname' | 'search' | 'hash'>;

/** Whether a move from `currentLocation` to `nextLocation` must wait for the user. */
export type ShouldBlock = (move: { currentLocation: Place; nextLocation: Place }) => boolean;

/** The same shape as react-router's `Blocker`, which the guard used before. */
export type Blocker =
  | { state: 'unblocked'; proceed?: undefined; reset?: undefined }
  | { state: 'blocked'; proceed: () => void; reset: () => void };

const UNBLOCKED: Blocker = { state: 'unblocked' };
let blocker: Blocker = UNBLOCKED;
let shouldBlock: ShouldBlock | null = null;
const subscribers = new Set<() => void>();

function setBlocker(next: Blocker) {
  blocker = next;
  for (const notify of subscribers) notify();
}

function subscribe(notify: () => void) {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

/**
 * Holds navigations for which `test` says so, as react-router's `useBlocker` does: the answer is
 * `blocked` with `proceed` (go on) and `reset` (stay) until the user picks one.
 */
export function useLeaveBlocker(test: ShouldBlock): Blocker {
  useEffect(() => {
    shouldBlock = test;
    return () => {
      if (shouldBlock === test) shouldBlock = null;
    };
  }, [test]);
  return useSyncExternalStore(subscribe, () => blocker);
}

function placeOf(to: To, from: Place): Place {
  const path: Partial<Path> = typeof to === 'string' ? parsePath(to) : to;
  return {
    pathname: path.pathname ?? from.pathname,
    search: path.search ?? '',
    hash: path.hash ?? '',
  };
}

/** The browser history with its navigations passed through the blocker. */
function guardedHistory() {
  const history = createBrowserHistory({ v5Compat: true });
  // What the router shows: the address before a Back/Forward that is then put back.
  let shown: Place = history.location;
  // The history event of putting the address back is not a navigation.
  let ignoreNextPop = false;
  // A Back/Forward the user confirmed goes through without asking again.
  let letNextPopThrough = false;

  const held = (to: To, go: () => void): boolean => {
    if (!shouldBlock?.({ currentLocation: history.location, nextLocation: placeOf(to, history.location) })) {
      return false;
    }
    setBlocker({
      state: 'blocked',
      proceed: () => {
        setBlocker(UNBLOCKED);
        go();
      },
      reset: () => setBlocker(UNBLOCKED),
    });
    return true;
  };

  const navigator: Navigator & { listen: typeof history.listen } = {
    createHref: (to) => history.createHref(to),
    createURL: (to) => history.createURL(to),
    encodeLocation: (to) => history.encodeLocation(to),
    go: (delta) => history.go(delta),
    push: (to, state) => {
      const go = () => history.push(to, state);
      if (!held(to, go)) go();
    },
    replace: (to, state) => {
      const go = () => history.replace(to, state);
      if (!held(to, go)) go();
    },
    listen: (listener) =>
      history.listen((update) => {
        if (ignoreNextPop) {
          ignoreNextPop = false;
          return;
        }
        const pass = letNextPopThrough;
        letNextPopThrough = false;
        if (
          !pass &&
          update.action === 'POP' &&
          update.delta != null &&
          update.delta !== 0 &&
          shouldBlock?.({ currentLocation: shown, nextLocation: update.location })
        ) {
          const delta = update.delta;
          ignoreNextPop = true;
          history.go(-delta);
          setBlocker({
            state: 'blocked',
            proceed: () => {
              setBlocker(UNBLOCKED);
              letNextPopThrough = true;
              history.go(delta);
            },
            reset: () => setBlocker(UNBLOCKED),
          });
          return;
        }
        shown = update.location;
        listener(update);
      }),
  };
  return { history, navigator };
}

/** Drop-in for react-router's `<BrowserRouter>` whose navigations the unsaved-changes guard can hold. */
export function GuardedBrowserRouter({ children }: { children: ReactNode }) {
  const [{ history, navigator }] = useState(guardedHistory);
  const [state, setState] = useState({ action: history.action, location: history.location });
  useLayoutEffect(() => navigator.listen((update) => startTransition(() => setState(update))), [navigator]);
  return (
    <Router location={state.location} navigationType={state.action} navigator={navigator}>
      {children}
    </Router>
  );
}
