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
