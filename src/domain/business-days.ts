import { invalidField } from './errors.js';

/**
 * Business-day arithmetic for the follow-up rules (method.md section 4: weekends and configured
 * holidays do not count). Dates are plain 'YYYY-MM-DD' strings in one time zone; instants are
 * `Date`s. Only Intl is used for time zones, so the runtime's own zone never leaks in.
 */

export interface BusinessCalendar {
  /** IANA zone in which "a day" is counted, e.g. the user's own zone. */
  timeZone: string;
  /** Local dates ('YYYY-MM-DD') that are not business days. */
  holidays: readonly string[];
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formatting a date is the hot path of every rule here; a formatter per zone is reused. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        // h23, not hour12: false — some engines print midnight as "24" with the latter.
        hourCycle: 'h23',
      });
    } catch {
      throw invalidField(
        'timeZone',
        `"${timeZone}" is not a time zone this app knows (use a name like Europe/Paris).`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What the formatter prints, "11/25/2026, 09:05:00": read directly, it costs a third of formatToParts. */
const PRINTED = /^(\d{2})\/(\d{2})\/(\d{1,6}), (\d{2}):(\d{2}):(\d{2})$/;

function wallClock(instant: Date, timeZone: string): WallClock {
  if (Number.isNaN(instant.getTime())) throw invalidField('instant', 'is not a valid date and time.');
  const formatter = formatterFor(timeZone);
  const printed = PRINTED.exec(formatter.format(instant));
  if (printed) {
    return {
      year: Number(printed[3]),
      month: Number(printed[1]),
      day: Number(printed[2]),
      hour: Number(printed[4]),
      minute: Number(printed[5]),
      second: Number(printed[6]),
    };
  }
  // Anything printed otherwise (years before the common era carry an era) is read part by part.
  const parts = formatter.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days since 1970-01-01 for a local date, or null when it is not a real calendar date. */
function tryDayNumber(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [, y, m, d] = match;
  const dayNumber = Date.UTC(Number(y), Number(m) - 1, Number(d)) / DAY_MS;
  // Round-tripping catches dates like 2026-02-30 that Date.UTC would silently roll over.
  return fromDayNumber(dayNumber) === date ? dayNumber : null;
}

function toDayNumber(date: string): number {
  const dayNumber = tryDayNumber(date);
  if (dayNumber === null) throw invalidField('date', `"${date}" is not a date in the form YYYY-MM-DD.`);
  return dayNumber;
}

function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function isWeekday(dayNumber: number): boolean {
  const w = weekday(dayNumber);
  return w !== 0 && w !== 6;
}

function assertCount(n: number, field: string, allowNegative: boolean): void {
  if (!Number.isSafeInteger(n) || (!allowNegative && n < 0)) {
    throw invalidField(
      field,
      allowNegative ? 'must be a whole number.' : 'must be a whole number, 0 or more.',
    );
  }
}

/** The calendar date ('YYYY-MM-DD') that `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return formatDate(w.year, w.month, w.day);
}

/** True for Monday to Friday, unless the date is one of the calendar's holidays. */
export function isBusinessDay(date: string, cal: BusinessCalendar): boolean {
  return isWeekday(toDayNumber(date)) && !cal.holidays.includes(date);
}

/**
 * The date `n` business days after `date`; `date` itself is never counted, so a request sent on
 * a Saturday is 1 business day old on Monday. `n = 0` returns `date` unchanged.
 */
export function addBusinessDays(date: string, n: number, cal: BusinessCalendar): string {
  assertCount(n, 'n', false);
  let day = toDayNumber(date);
  const holidays = new Set(cal.holidays);
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWeekday(day) && !holidays.has(fromDayNumber(day))) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * How many business days have passed from `from` to `to`, counted on local dates in the
 * calendar's zone: days after `from`'s date up to and including `to`'s date. 0 when `to` is not
 * after `from`.
 */
export function businessDaysBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  const start = toDayNumber(localDate(from, cal.timeZone));
  const end = toDayNumber(localDate(to, cal.timeZone));
  if (end <= start) return 0;
  // Whole weeks hold five weekdays each; only the remainder needs a look, so long gaps stay cheap.
  const span = end - start;
  let count = Math.floor(span / 7) * 5;
  for (let day = start + Math.floor(span / 7) * 7 + 1; day <= end; day++) {
    if (isWeekday(day)) count += 1;
  }
  for (const holiday of new Set(cal.holidays)) {
    // A malformed holiday never matches a real date, here as in isBusinessDay.
    const day = tryDayNumber(holiday);
    if (day !== null && day > start && day <= end && isWeekday(day)) count -= 1;
  }
  return count;
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const w = wallClock(new Date(whole), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/**
 * The instant a local date starts in `timeZone`. Usually local midnight; where a clock change
 * skips midnight (São Paulo used to start summer time at 00:00), it is the first instant that
 * exists on that date, e.g. 01:00.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const wallMidnight = toDayNumber(date) * DAY_MS;
  // A zone has at most one clock change around a given midnight, so the offsets a day before and
  // a day after are the only candidates.
  const candidates = [offsetAt(wallMidnight - DAY_MS, timeZone), offsetAt(wallMidnight + DAY_MS, timeZone)]
    .map((offset) => wallMidnight - offset)
    .filter((instant) => {
      const w = wallClock(new Date(instant), timeZone);
      return formatDate(w.year, w.month, w.day) === date && w.hour === 0 && w.minute === 0 && w.second === 0;
    });
  if (candidates.length > 0) return new Date(Math.min(...candidates));

  // Midnight does not exist: find the first instant whose local date is `date` by bisection.
  let lo = wallMidnight - 2 * DAY_MS;
  let hi = wallMidnight + DAY_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(new Date(mid), timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/**
 * The instant the clock in `timeZone` reads `hour`:`minute` on the local `date`, e.g. 10:00 in
 * Paris on 2026-11-24. In the hour a clock change skips or repeats, one of the instants around it.
 */
export function atLocalTime(date: string, hour: number, minute: number, timeZone: string): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw invalidField('hour', 'must be from 0 to 23.');
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw invalidField('minute', 'must be from 0 to 59.');
  }
  const wall = toDayNumber(date) * DAY_MS + hour * 3_600_000 + minute * 60_000;
  // The offset at a first guess, then at the instant it gives: right unless a change lies between.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

/** The date `n` calendar days after `date` (before it when `n` is negative). */
export function addCalendarDays(date: string, n: number): string {
  assertCount(n, 'n', true);
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * The last business day before `date` (weekends and the calendar's holidays skipped): the day to
 * do what must be done "the day before" a Monday meeting is the Friday, not the Sunday.
 */
export function previousBusinessDay(date: string, cal: Pick<BusinessCalendar, 'holidays'>): string {
  const holidays = new Set(cal.holidays);
  let day = toDayNumber(date) - 1;
  while (!isWeekday(day) || holidays.has(fromDayNumber(day))) day -= 1;
  return fromDayNumber(day);
}
