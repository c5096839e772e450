/**
 * How dates and times are written on screen: one place, in the user's time zone (from Settings)
 * and the browser's language, built on the domain's formatter that the brief and its PDF share.
 */
import { formatDateIn, formatDateTimeIn, formatWithTheirTime } from '../../domain/date-format.js';

let userZone: string | null = null;

/** The zone every time on screen is read in: the user's from Settings, the browser's until it loads. */
export function userTimeZone(): string {
  return userZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** Called when the settings load or change, so the next render writes times on the user's clock. */
export function setUserTimeZone(timeZone: string): void {
  userZone = timeZone;
}

function valid(iso: string | Date | null | undefined): Date | null {
  if (!iso) return null;
  const d = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const clock = () => ({ timeZone: userTimeZone(), now: new Date() });

/** "Tue 8 Dec": the day an instant falls on for the user (the year shows when it is not this year). */
export function formatDate(iso: string | Date | null | undefined): string {
  const d = valid(iso);
  return d ? formatDateIn(d, clock()) : '';
}

/** "Tue 8 Dec, 14:30" on the user's clock. */
export function formatDateTime(iso: string | Date | null | undefined): string {
  const d = valid(iso);
  return d ? formatDateTimeIn(d, clock()) : '';
}

/**
 * "Tue 8 Dec, 14:30 (8:30 in New York)": the user's clock first, and `theirZone` (the contact's or
 * the meeting's) beside it when it reads differently.
 */
export function formatWithTheirs(
  iso: string | Date | null | undefined,
  theirZone: string | null | undefined,
): string {
  const d = valid(iso);
  return d ? formatWithTheirTime(d, theirZone, clock()) : '';
}

/** "12 Mar 2026" for a calendar date like "2026-03-12", the same day in every time zone. */
export function formatDay(date: string | null | undefined): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(undefined, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** "12 Mar" for a calendar date like "2026-03-12": a week on a chart's axis, where the year has no room. */
export function formatDayMonth(date: string | null | undefined): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short' });
}

/**
 * "12,345": a count with its thousands grouped, as the app's English text writes them. Written out
 * here rather than with toLocaleString, whose first call in a tab loads the browser's number
 * formats (15–40 ms measured in Chromium, in front of the People list's first paint).
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
