/**
 * "Tue 15 Dec" (in the browser's language) for a calendar date like "2026-12-15": the day a
 * reminder falls due, the same day in every time zone. Empty for anything that is not a date.
 */
export function formatWeekDay(date: string | null | undefined): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(undefined, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
}
