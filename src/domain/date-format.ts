/**
 * The one way Rapport writes dates and times for people: in the user's time zone and language,
 * with the other person's clock beside it when theirs reads differently ("Tue 8 Dec, 14:30 (8:30
 * in New York)"). Pure Intl; the web passes the browser's language, the brief and its PDF English.
 */

export interface ClockOptions {
  /** The user's zone: every time is read on this clock first. */
  timeZone: string;
  /** A BCP 47 language tag; undefined means the runtime's own (the browser's). */
  locale?: string | undefined;
  /** Leave the year out when it is this instant's year in the user's zone. */
  now?: Date | undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function yearIn(date: Date, timeZone: string): string {
  return formatter('en', { timeZone, year: 'numeric' }).format(date);
}

function showYear(date: Date, opts: ClockOptions): boolean {
  return !opts.now || yearIn(date, opts.timeZone) !== yearIn(opts.now, opts.timeZone);
}

/** "New York" for "America/New_York", "Buenos Aires" for "America/Argentina/Buenos_Aires", "UTC" as is. */
export function placeOfZone(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

/** "Tue 8 Dec 2026": the day an instant falls on in the user's zone. */
export function formatDateIn(date: Date, opts: ClockOptions): string {
  const timeZone = knownZone(opts.timeZone);
  return formatter(opts.locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(showYear(date, opts) ? { year: 'numeric' } : {}),
  }).format(date);
}

/** "Tue 8 Dec 2026, 14:30": an instant on the user's clock. */
export function formatDateTimeIn(date: Date, opts: ClockOptions): string {
  const timeZone = knownZone(opts.timeZone);
  return formatter(opts.locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(showYear(date, opts) ? { year: 'numeric' } : {}),
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/**
 * An instant on the user's clock, and on `otherZone`'s (the contact's or the meeting's) when that
 * clock reads differently: "Tue 8 Dec 2026, 14:30 (8:30 in New York)"; when the day differs too,
 * their weekday is named: "Tue 8 Dec 2026, 02:00 (Mon 20:00 in New York)".
 */
export function formatWithTheirTime(
  date: Date,
  otherZone: string | null | undefined,
  opts: ClockOptions,
): string {
  const mine = formatDateTimeIn(date, opts);
  if (!otherZone) return mine;
  const theirs = knownZone(otherZone);
  const mineZone = knownZone(opts.timeZone);
  const time = (timeZone: string) =>
    formatter(opts.locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(date);
  const day = (timeZone: string) => formatter(opts.locale, { timeZone, weekday: 'short' }).format(date);
  const theirDay = day(theirs);
  const sameDay = day(mineZone) === theirDay;
  if (sameDay && time(mineZone) === time(theirs)) return mine;
  const when = sameDay ? time(theirs) : `${theirDay} ${time(theirs)}`;
  return `${mine} (${when} in ${placeOfZone(theirs)})`;
}
