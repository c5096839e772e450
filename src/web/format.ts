/** How dates and times are written on screen. */

function valid(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "12 Mar 2026". */
export function formatDate(iso: string | null | undefined): string {
  const d = valid(iso);
  return d ? d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : '';
}

/** "12 Mar 2026, 14:30" in the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = valid(iso);
  return d ? d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** "Tue, 1 Dec 2026, 14:30 CET": the time on the clock of `timeZone`, with the zone's short name. */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
  const d = valid(iso);
  if (!d) return '';
  try {
    return d.toLocaleString(undefined, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
  } catch {
    return formatDateTime(iso);
  }
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
