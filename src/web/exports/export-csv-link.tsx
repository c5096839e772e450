/**
 * "Export CSV": a plain download link to the list's export with the page's current filter, so
 * the file holds what the page shows (every row, not only the first page).
 */
export function ExportCsvLink({
  list,
  filter = {},
}: {
  list:
    | 'people'
    | 'organizations'
    | 'conversations'
    | 'targets'
    | 'opportunities'
    | 'tasks'
    | 'messages'
    | 'questions';
  filter?: Record<string, string | undefined>;
}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return (
    <a
      className="button"
      href={`/api/exports/csv/${list}${query ? `?${query}` : ''}`}
      download
      title="Download this list as a spreadsheet (CSV)"
    >
      Export CSV
    </a>
  );
}
