import { useEffect, useMemo, useRef, useState } from 'react';
import {
  browserStorage,
  clearDraft,
  isDraftWorthOffering,
  readDraft,
  type StoredDraft,
  sameValues,
  writeDraft,
} from './local-draft.js';

export interface LocalDraftOptions<V> {
  /** What the form shows before anything is typed; a form back at these values keeps no draft. */
  baseline: V;
  /** Puts a restored draft back into the form. */
  onRestore: (value: V) => void;
  /** When the record was last saved; a draft written before it is not offered. */
  recordSavedAt?: string | null;
  /** How long typing must pause before the draft is written, in milliseconds. */
  delayMs?: number;
}

export interface LocalDraft {
  /** When the draft on offer was written, or null when there is nothing to offer. */
  offeredAt: string | null;
  /** Puts the draft on offer back into the form. */
  restore: () => void;
  /** Forgets the draft on offer. */
  discard: () => void;
  /** Forgets the draft, once what it kept is saved. */
  clear: () => void;
}

/**
 * Keeps what is typed into a form in the browser's storage under `key` (e.g. `draft:debrief:<id>`),
 * a moment after typing pauses and when the page is hidden or closed, so a reload or a crash loses
 * nothing. A draft found when the form opens is offered back rather than applied; nothing is written
 * over it until the user restores or discards it. `key` is read once: give the form a React key per
 * record.
 */
export function useLocalDraft<V>(key: string, value: V, options: LocalDraftOptions<V>): LocalDraft {
  const { baseline, recordSavedAt, delayMs = 400 } = options;
  const storage = useMemo(browserStorage, []);
  const [offer, setOffer] = useState<StoredDraft<V> | null>(() => {
    const draft = readDraft<V>(storage, key);
    return isDraftWorthOffering(draft, value, recordSavedAt) ? draft : null;
  });
  const onRestore = useRef(options.onRestore);
  onRestore.current = options.onRestore;
  const latest = useRef(value);
  latest.current = value;
  // True while typed text waits for the pause before it is written.
  const pending = useRef(false);
  // The write waiting for that pause: a save that clears the draft must also cancel it, or a save
  // answered within the pause would see its draft written again just after.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const offering = useRef(offer !== null);
  offering.current = offer !== null;

  const valueText = JSON.stringify(value);
  const baselineText = JSON.stringify(baseline);
  // The values are compared by their text; `latest` holds the value itself.
  useEffect(() => {
    if (offer) return;
    if (valueText === baselineText) {
      pending.current = false;
      clearDraft(storage, key);
      return;
    }
    pending.current = true;
    timer.current = setTimeout(() => {
      pending.current = false;
      writeDraft(storage, key, latest.current, new Date());
    }, delayMs);
    return () => clearTimeout(timer.current);
  }, [key, offer, valueText, baselineText, delayMs, storage]);

  // A closed tab, a reload or leaving the page must not wait for the pause.
  useEffect(() => {
    const flush = () => {
      if (!pending.current || offering.current) return;
      pending.current = false;
      writeDraft(storage, key, latest.current, new Date());
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key, storage]);

  return {
    offeredAt: offer?.savedAt ?? null,
    restore: () => {
      if (!offer) return;
      setOffer(null);
      if (!sameValues(offer.value, latest.current)) onRestore.current(offer.value);
    },
    discard: () => {
      clearDraft(storage, key);
      setOffer(null);
    },
    clear: () => {
      clearTimeout(timer.current);
      pending.current = false;
      clearDraft(storage, key);
      setOffer(null);
    },
  };
}
