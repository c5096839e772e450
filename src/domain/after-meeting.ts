import { addCalendarDays } from './business-days.js';
import { invalidField } from './errors.js';

/**
 * What follows a meeting (method.md section 7): a thank-you within a day, a report back when the
 * advice is acted on, and keeping in touch at the pace the person agreed to.
 */

export const THANK_YOU_WITHIN_HOURS = 24;
export const REPORT_BACK_DAYS = 14;

function checkDays(days: number, field: string): void {
  if (!Number.isSafeInteger(days) || days < 1)
    throw invalidField(field, 'must be a whole number of days, 1 or more.');
}

/** The latest moment to send the thank-you: 24 hours after the meeting ends. */
export function thankYouDueAt(meetingEnd: Date): Date {
  return new Date(meetingEnd.getTime() + THANK_YOU_WITHIN_HOURS * 3_600_000);
}

/** When to report back to someone about their advice: about two weeks after `fromDate`. */
export function reportBackDueDate(fromDate: string, days = REPORT_BACK_DAYS): string {
  checkDays(days, 'days');
  return addCalendarDays(fromDate, days);
}

/** Trims and drops end punctuation, so a value reads well inside a sentence. */
function clause(value: string | undefined): string {
  return (value ?? '').trim().replace(/[\s.!;:,]+$/, '');
}

/** What the debrief holds for one participant: what they said, and what the user promised to do. */
export interface ThankYouFacts {
  firstName: string;
  /** One thing this participant said (an insight credited to them), in the user's words. */
  theySaid?: string;
  /** What the user will do with it: their own open promise to this person. */
  willDo?: string;
  myName?: string;
}

/**
 * Insight topics in the order a thank-you prefers to quote them: advice is what the user acts on,
 * so it pairs best with "what I will do with it"; an unadvertised opening is the least graceful
 * thing to bring up in a thank-you.
 */
const QUOTE_PREFERENCE: readonly string[] = [
  'advice',
  'skills_wanted',
  'trends',
  'hiring_process',
  'culture',
  'unadvertised_opening',
];

/**
 * The insight a thank-you quotes, among those credited to one person: by topic preference, then
 * the earliest, then alphabetically — the same choice every time.
 */
export function insightToQuote<T extends { topic: string; body: string; createdAt: Date }>(
  credited: readonly T[],
): T | undefined {
  const rank = (topic: string) => {
    const i = QUOTE_PREFERENCE.indexOf(topic);
    return i === -1 ? QUOTE_PREFERENCE.length : i;
  };
  return [...credited]
    .filter((i) => i.body.trim() !== '')
    .sort(
      (a, b) =>
        rank(a.topic) - rank(b.topic) ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.body.localeCompare(b.body),
    )[0];
}

/**
 * An insight as a quote to the person who said it: the first paragraph, without a lead-in that
 * talks about them ("Noor said that …", "She told me …"), starting with a capital and ending
 * with a full stop.
 */
export function quoteFor(body: string, firstName: string): string {
  const name = firstName.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const leadIn = new RegExp(
    `^(?:${name ? `${name}|` : ''}she|he|they)\\s+(?:said|says|told me|mentioned|explained|thinks|believes)(?:\\s+that)?[\\s,:]+`,
    'i',
  );
  const first = (body.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ').trim();
  const text = first.replace(leadIn, '');
  if (!text) return '';
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * A first draft of the thank-you note to one person, written to them: one specific thing they
 * said, thanks for it, what the user will do with it, and thanks. Without anything credited to
 * them it stays warm and general — it never makes up a quote — and `thankYouHint` asks the user
 * to add one. The note is always meant to be edited: a specific detail is what makes it land.
 */
export function draftThankYou(f: ThankYouFacts): string {
  const firstName = f.firstName.trim();
  const quote = quoteFor(f.theySaid ?? '', firstName);
  const next = clause(f.willDo);
  const myName = f.myName?.trim() ?? '';

  const lines: string[] = ['Thank you for taking the time to talk with me today.'];
  if (quote) {
    lines.push(`Something you told me has stayed with me: “${quote}” Thank you for being so open about it.`);
  } else {
    lines.push('I learned a lot from how you see your work, and I am grateful for your openness.');
  }
  const it = quote ? 'your advice' : 'what I learned';
  if (next) lines.push(`Here is what I will do with it: ${next}. I will let you know how it goes.`);
  else lines.push(`I am going to put ${it} to work, and I will let you know how it goes.`);

  const greeting = `Hi ${firstName || 'there'},`;
  const signOff = myName ? `Thanks again,\n${myName}` : 'Thanks again';
  return `${greeting}\n\n${lines.join(' ')}\n\n${signOff}`;
}

/**
 * What the user should still add to a drafted thank-you, or null when the draft has both a thing
 * the person said and what the user will do with it.
 */
export function thankYouHint(f: ThankYouFacts): string | null {
  const who = f.firstName.trim() || 'this person';
  const said = quoteFor(f.theySaid ?? '', f.firstName) !== '';
  if (!said) {
    return `Nothing in the debrief is credited to ${who} yet. Add one specific thing they said — in the debrief, as an insight with who said it, or here — since that detail is what makes a thank-you land.`;
  }
  if (!clause(f.willDo)) {
    return `Say what you will do with ${who}’s advice: add it as your promise in the debrief, or write it here.`;
  }
  return null;
}
