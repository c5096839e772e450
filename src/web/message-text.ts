import type { Message } from './api.js';

/** The subject, or else the first line of the text that has any words; empty when neither has any. */
export function messageFirstLine(m: Pick<Message, 'subject' | 'body'>): string {
  if (m.subject?.trim()) return m.subject.trim();
  return (
    m.body
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? ''
  );
}
