/**
 * Wall-clock times in a named time zone, with nothing but Intl. A meeting is entered as the time
 * on the clock where it happens ("14:30 in Europe/Paris") and sent to the server as an instant
 * with its UTC offset ("2026-12-01T14:30:00+01:00").
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const MINUTE = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC in minutes at the instant `ms` (e.g. 60 for Paris in winter). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / MINUTE);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

function wallClock(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * MINUTE);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/**
 * Converts the value of a `datetime-local` input ("2026-12-01T14:30"), read as a clock time in
 * `timeZone`, to an ISO 8601 string with that zone's offset. Returns null for an incomplete value
 * or an unknown zone. A time skipped by a daylight-saving change moves forward by the gap; a time
 * that happens twice is read as the later one.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const m = LOCAL_PATTERN.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const asIfUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(asIfUtc)) return null;
  try {
    const firstGuess = zoneOffsetMinutes(asIfUtc, timeZone);
    let instant = asIfUtc - firstGuess * MINUTE;
    const secondGuess = zoneOffsetMinutes(instant, timeZone);
    if (secondGuess !== firstGuess) instant = asIfUtc - secondGuess * MINUTE;
    const offset = zoneOffsetMinutes(instant, timeZone);
    return `${wallClock(instant, offset)}${formatOffset(offset)}`;
  } catch {
    return null;
  }
}

/** The `datetime-local` value ("2026-12-01T14:30") showing instant `iso` on the clock of `timeZone`. */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  try {
    return wallClock(ms, zoneOffsetMinutes(ms, timeZone)).slice(0, 16);
  } catch {
    return '';
  }
}

/** The time zone of the browser, e.g. "Europe/Paris". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every zone name the browser knows, for suggestions in a time zone field. */
export function knownTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
