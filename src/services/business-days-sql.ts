import { type SQL, sql } from 'drizzle-orm';
import type { BusinessCalendar } from '../domain/business-days.js';

/**
 * `businessDaysBetween` of domain/business-days.ts as a SQL expression, for rules that must run
 * over many rows inside one statement: the business days (Monday to Friday, the calendar's
 * holidays excepted) after `from`'s local date up to and including `to`'s local date, in the
 * calendar's zone; 0 when `to` is not after `from`.
 *
 * Callers only compare the count with small thresholds, so it stops counting after `atLeast`:
 * the result is exact up to `atLeast` and never below it beyond. That keeps the work per row small
 * whatever the gap (a request sent years ago).
 */
export function businessDaysBetweenSql(from: SQL, to: SQL, cal: BusinessCalendar, atLeast: number): SQL {
  // A window this many calendar days long holds `atLeast` business days even if every holiday
  // falls inside it: each full week holds five weekdays.
  const window = 7 * Math.ceil((atLeast + cal.holidays.length) / 5) + 7;
  const start = sql`((${from}) at time zone ${cal.timeZone})::date`;
  const end = sql`((${to}) at time zone ${cal.timeZone})::date`;
  return sql`(select count(*)::int from generate_series(1, least(${end} - ${start}, ${window}::int)) k
    where extract(isodow from ${start} + k) < 6
      and not (${start} + k = any(string_to_array(${cal.holidays.join(',')}, ',')::date[])))`;
}
