/** Rules for scheduling a meeting (method.md section 5). */

export const DEFAULT_MEETING_MINUTES = 30;
export const LONG_MEETING_WARNING_MINUTES = 45;
export const MAX_MEETING_MINUTES = 8 * 60;

/** Advice about a planned duration; empty when the length is a good one. */
export function durationWarnings(minutes: number, warnAbove = LONG_MEETING_WARNING_MINUTES): string[] {
  if (minutes > warnAbove) {
    return [
      `${minutes} minutes is long for an informational interview: ask for 20–30 minutes, ${warnAbove} at most, so it is easy to say yes.`,
    ];
  }
  if (minutes < 15) return [`${minutes} minutes leaves little time for questions: 20–30 minutes works best.`];
  return [];
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** The meeting's end instant. */
export function meetingEnd(startsAt: Date, durationMinutes: number): Date {
  return new Date(startsAt.getTime() + durationMinutes * 60_000);
}

/**
 * The wall-clock time of an instant in a zone, as 'YYYY-MM-DDTHH:mm:ss' (no offset): what a
 * clock on the wall there shows. Calendar files write meeting times this way beside their TZID.
 */
export function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}
