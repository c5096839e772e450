/**
 * How much history a person has, in words, for the merge review (web and CLI). No imports, so
 * the web app can use it without the parsers the rest of the duplicates domain needs.
 */

/** How much history a person has, as the merge review counts it. */
export interface HistoryCounts {
  conversations: number;
  messages: number;
  notes: number;
  introductions: number;
  tasks: number;
}

/** "3 conversations, 12 messages and 2 introductions", leaving out what is zero; null when nothing. */
export function historyText(c: HistoryCounts): string | null {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const parts = [
    c.conversations && plural(c.conversations, 'conversation'),
    c.messages && plural(c.messages, 'message'),
    c.notes && plural(c.notes, 'note'),
    c.introductions && plural(c.introductions, 'introduction'),
    c.tasks && plural(c.tasks, 'task'),
  ].filter(Boolean) as string[];
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
