/**
 * Drafts kept in the browser's storage while a long text is written, so a reload, a crash or a
 * closed tab does not lose it. One draft per record, under a key like `draft:debrief:<id>`.
 */

/** What is kept: the form's values and when they were written. */
export interface StoredDraft<V> {
  savedAt: string;
  value: V;
}

/** The part of `Storage` a draft needs, so tests can pass a plain map. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's local storage, or null where it is missing or refused (private modes, tests). */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The draft kept under `key`, or null when there is none or it cannot be read. */
export function readDraft<V>(storage: DraftStorage | null, key: string): StoredDraft<V> | null {
  const raw = storage?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredDraft<V>>;
    if (typeof parsed.savedAt !== 'string' || Number.isNaN(Date.parse(parsed.savedAt))) return null;
    if (parsed.value === undefined) return null;
    return { savedAt: parsed.savedAt, value: parsed.value };
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; a full or refused storage is ignored (the form still works). */
export function writeDraft<V>(storage: DraftStorage | null, key: string, value: V, now: Date): void {
  try {
    storage?.setItem(key, JSON.stringify({ savedAt: now.toISOString(), value }));
  } catch {
    // Out of space or storage refused: the draft is a safety net, never a reason to fail.
  }
}

/** Forgets the draft under `key`. */
export function clearDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a draft that cannot be removed cannot be read either.
  }
}

/** Two form values are the same when they serialize the same way. */
export function sameValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether a kept draft is worth offering back: it differs from what the form shows now and, when the
 * record has a time of its last save, it was written after that save (an older draft would undo it).
 */
export function isDraftWorthOffering<V>(
  draft: StoredDraft<V> | null,
  current: V,
  recordSavedAt?: string | null,
): draft is StoredDraft<V> {
  if (!draft) return false;
  if (sameValues(draft.value, current)) return false;
  if (recordSavedAt) {
    const saved = Date.parse(recordSavedAt);
    if (!Number.isNaN(saved) && Date.parse(draft.savedAt) <= saved) return false;
  }
  return true;
}

/**
 * When a draft was written, in the user's locale: "10:42" today, "23 Nov, 10:42" on another day
 * of this year, with the year when it is older.
 */
export function formatDraftTime(savedAt: string, now: Date, locale?: string): string {
  const d = new Date(savedAt);
  const time = d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === now.toDateString()) return time;
  const day = d.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    ...(d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
  return `${day}, ${time}`;
}
