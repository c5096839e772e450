import { addCalendarDays } from './business-days.js';
import { invalidField } from './errors.js';
import type { KeepInTouch } from './vocab.js';

/**
 * What follows a meeting (method.md section 7): a thank-you within a day, a report back when the
 * advice is acted on, and keeping in touch at the pace the person agreed to.
 */

export const THANK_YOU_WITHIN_HOURS = 24;
export const REPORT_BACK_DAYS = 14;
export const KEEP_IN_TOUCH_DEFAULT_DAYS = 90;

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

/**
 * The next keep-in-touch date, counted from the last interaction (any logged contact resets it).
 * Null when the person said no, and when nobody asked and no rhythm was set — reaching out
 * uninvited on a schedule would feel like pressure.
 */
export function keepInTouchDueDate(
  f: { permission: KeepInTouch; everyDays: number | null; lastInteraction: string },
  defaultEveryDays = KEEP_IN_TOUCH_DEFAULT_DAYS,
): string | null {
  if (f.permission === 'no') return null;
  if (f.everyDays !== null) {
    checkDays(f.everyDays, 'everyDays');
    return addCalendarDays(f.lastInteraction, f.everyDays);
  }
  if (f.permission === 'unknown') return null;
  checkDays(defaultEveryDays, 'defaultEveryDays');
  return addCalendarDays(f.lastInteraction, defaultEveryDays);
}

/** Trims and drops end punctuation, so a value reads well inside a sentence. */
function clause(value: string | undefined): string {
  return (value ?? '').trim().replace(/[\s.!;:,]+$/, '');
}

/**
 * A first draft of the thank-you note: one specific thing they said, what the user will do with
 * it, and thanks. Missing specifics get honest general wording rather than blanks, but the note is
 * always meant to be edited — a specific detail is what makes it land.
 */
export function draftThankYou(f: {
  firstName: string;
  specificThing?: string;
  nextStep?: string;
  myName?: string;
}): string {
  const firstName = f.firstName.trim();
  const specific = clause(f.specificThing);
  const next = clause(f.nextStep);
  const myName = f.myName?.trim() ?? '';

  const lines: string[] = ['Thank you for taking the time to talk with me today.'];
  if (specific) lines.push(`One thing you said has stayed with me: ${specific}.`);
  else lines.push('Our conversation gave me a lot to think about.');
  if (next) lines.push(`Here is what I will do with it: ${next}. I will let you know how it goes.`);
  else lines.push('I am going to put your advice to work, and I will let you know how it goes.');

  const greeting = `Hi ${firstName || 'there'},`;
  const signOff = myName ? `Thanks again,\n${myName}` : 'Thanks again';
  return `${greeting}\n\n${lines.join(' ')}\n\n${signOff}`;
}

/** Markdown emphasis, code and links reduced to their words. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/^#+\s*/, '')
    .trim();
}

/**
 * The one specific thing to mention in a thank-you, taken from the meeting notes (newest first):
 * the first bullet point, else the first sentence. Bullets are where people jot what struck them.
 */
export function highlightFromNotes(bodies: readonly string[]): string | undefined {
  for (const body of bodies) {
    const lines = body.split('\n').map((l) => l.trim());
    const bullet = lines.find((l) => /^([-*+]|\d+[.)])\s+\S/.test(l));
    const candidate = bullet
      ? plainText(bullet.replace(/^([-*+]|\d+[.)])\s+/, ''))
      : (plainText(lines.filter((l) => l && !l.startsWith('#')).join(' ')).match(/^[^.!?]+/)?.[0] ?? '');
    const text = candidate.trim().replace(/[.!?;:]+$/, '');
    if (!text) continue;
    if (text.length <= 120) return text;
    const cut = text.slice(0, 120);
    return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : 120)}…`;
  }
  return undefined;
}
