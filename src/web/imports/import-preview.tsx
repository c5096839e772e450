import { formatCount } from '../ui/format.js';
import type { ImportField, ImportRow, ImportSummary } from './import-api.js';

const FIELD_LABELS: Record<ImportField, string> = {
  title: 'position',
  organization: 'organization',
  email: 'e-mail',
  phone: 'phone',
  linkedinUrl: 'profile URL',
  location: 'location',
  notes: 'notes',
  connectedOn: 'connection date',
};

const OUTCOME_LABELS: Record<ImportRow['outcome'], string> = {
  new: 'New',
  updated: 'Update',
  unchanged: 'No change',
  skipped: 'Skipped',
};

const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

function fields(list: ImportField[]): string {
  return list.map((f) => FIELD_LABELS[f]).join(', ');
}

/** What happens to one row, in a few words. */
function rowDetails(row: ImportRow): string {
  const parts: string[] = [];
  if (row.changes.length) parts.push(`New ${fields(row.changes)}`);
  if (row.kept.length) parts.push(`Keeps your ${fields(row.kept)}`);
  if (row.reason) parts.push(row.outcome === 'skipped' ? `Skipped: ${row.reason}` : row.reason);
  return parts.join('. ');
}

/** The counts of an import, or of its preview. */
export function ImportCounts({ summary }: { summary: ImportSummary }) {
  const { counts, applied } = summary;
  const items: [number, string][] = [
    [counts.new, applied ? 'added' : 'to add'],
    [counts.updated, applied ? 'updated' : 'to update'],
    [counts.unchanged, 'already up to date'],
    [counts.skipped, 'skipped'],
  ];
  if (summary.organizationsCreated) {
    items.push([summary.organizationsCreated, applied ? 'new organizations' : 'new organizations to add']);
  }
  return (
    <ul className="import-counts" aria-label={applied ? 'Import result' : 'Import preview'}>
      {items.map(([n, label]) => (
        <li key={label}>
          <strong>{formatCount(n)}</strong> {label}
        </li>
      ))}
    </ul>
  );
}

/** The first rows of the file with what the import does to each, and every skipped row. */
export function ImportRows({ summary }: { summary: ImportSummary }) {
  const { rows, skipped, total } = summary;
  const hiddenSkips = summary.counts.skipped - skipped.length;
  return (
    <>
      <div className="table-wrap">
        <table className="table import-rows">
          <caption>
            {rows.length < total
              ? `The first ${rows.length} of ${count(total, 'row', 'rows')} in the file`
              : `All ${count(total, 'row', 'rows')} in the file`}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Line
              </th>
              <th scope="col">Name</th>
              <th scope="col">Organization</th>
              <th scope="col">Position</th>
              <th scope="col">Result</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line}>
                <td className="numeric">{r.line}</td>
                <td>{r.name || <span className="muted">(no name)</span>}</td>
                <td>{r.organization}</td>
                <td>{r.position}</td>
                <td>
                  <span className={`badge import-outcome-${r.outcome}`}>{OUTCOME_LABELS[r.outcome]}</span>
                </td>
                <td className="small">{rowDetails(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {skipped.length > 0 && (
        <details className="import-skipped">
          <summary>Why {count(summary.counts.skipped, 'row is', 'rows are')} skipped</summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.line}>
                Line {s.line}
                {s.name ? ` (${s.name})` : ''}: {s.reason}
              </li>
            ))}
            {hiddenSkips > 0 && <li>… and {count(hiddenSkips, 'more row', 'more rows')}.</li>}
          </ul>
        </details>
      )}
    </>
  );
}
