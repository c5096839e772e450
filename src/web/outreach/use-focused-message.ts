import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** The element id of a message in a log, which links (from search) name after `#`. */
export const messageAnchor = (id: string) => `message-${id}`;

/**
 * The message a link points at (`#message-ID`), when it is in the list shown: it is brought into
 * view and focused once the list is on screen, so a search hit opens the very message it found.
 */
export function useFocusedMessage(ids: readonly string[] | undefined): string | null {
  const { hash } = useLocation();
  const wanted = hash.startsWith('#message-') ? decodeURIComponent(hash.slice('#message-'.length)) : null;
  const focused = wanted && ids?.includes(wanted) ? wanted : null;
  useEffect(() => {
    if (!focused) return;
    const el = document.getElementById(messageAnchor(focused));
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [focused]);
  return focused;
}
