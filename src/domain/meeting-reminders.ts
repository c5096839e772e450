import { addBusinessDays, type BusinessCalendar, localDate, previousBusinessDay } from './business-days.js';
import { meetingEnd } from './meeting-rules.js';
import type { ConversationStatus } from './vocab.js';

/**
 * The reminders around one meeting (method.md sections 5 and 7): confirm it the business day
 * before, and once it is over, ask whether it happened. Nothing after the meeting (thank-you
 * notes, report back, keeping in touch) is suggested until the user says it was held.
 */

/** Statuses that say the meeting took place: its people were met. */
export const MET_STATUSES = [
  'held',
  'thanked',
  'keeping_in_touch',
] as const satisfies readonly ConversationStatus[];

/** The answers to "Did your meeting happen?". */
export const MEETING_OUTCOMES = ['held', 'moved', 'cancelled'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/**
 * The local date on which to confirm a meeting: the last business day before the meeting's day,
 * both read in the calendar's zone (the user's). A Monday meeting is confirmed on Friday, and a
 * meeting after a holiday on the business day before the holiday.
 */
export function confirmMeetingOn(startsAt: Date, cal: BusinessCalendar): string {
  return previousBusinessDay(localDate(startsAt, cal.timeZone), cal);
}

/**
 * The last local date whose meetings can need confirming on `today`: meetings up to and including
 * the next business day, since every day before it (today included) is on or after its confirm date.
 */
export function lastDayToConfirm(today: string, cal: BusinessCalendar): string {
  return addBusinessDays(today, 1, cal);
}

/**
 * True once the meeting is over and the user should say what happened. The question is asked from
 * the moment the meeting ends, so it is on Today that evening and the next morning at the latest.
 */
export function outcomeIsDue(m: { startsAt: Date; durationMinutes: number }, now: Date): boolean {
  return meetingEnd(m.startsAt, m.durationMinutes).getTime() <= now.getTime();
}

/** "Ada Lovelace", "Ada Lovelace and Bo Chen", "Ada Lovelace, Bo Chen and Cy Diaz". */
export function joinNames(names: readonly string[]): string {
  if (names.length === 0) return 'them';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
