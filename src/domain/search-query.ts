/**
 * Turns what a person types into a PostgreSQL tsquery string that matches as they type:
 * every word must appear, the last one as a prefix ("data ana" finds "data analyst").
 * Only letters and digits reach the query, so no input can break its syntax.
 */
export function prefixTsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (!words.length) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

/** Markers around highlighted words in snippets; the web app turns them into <mark>. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/** Splits a snippet into plain and highlighted parts, for rendering without HTML. */
export function highlightParts(snippet: string): { text: string; highlight: boolean }[] {
  const parts: { text: string; highlight: boolean }[] = [];
  const re = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_END}]*)${HIGHLIGHT_END}`, 'g');
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), highlight: false });
    parts.push({ text: m[1] ?? '', highlight: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), highlight: false });
  return parts;
}
