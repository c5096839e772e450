import { formatCount } from './format.js';

/**
 * The progress of a long write that saves everything at once (an import, a restore): a bar with
 * "Saved N of M …" once the server reports counts, and `waiting` before it does.
 */
export function SaveProgress({
  label,
  progress,
  unit,
  waiting,
  what,
}: {
  /** The bar's accessible name, e.g. "Import progress". */
  label: string;
  progress: { done: number; total: number } | null;
  /** What is counted: "people", "records". */
  unit: string;
  /** Shown until the first count arrives. */
  waiting: string;
  /** What finishes: "import", "restore". */
  what: string;
}) {
  return (
    <>
      <div role="status" className="import-progress">
        {progress && progress.total > 0 ? (
          <>
            <progress aria-label={label} max={progress.total} value={progress.done} /> Saved{' '}
            {formatCount(progress.done)} of {formatCount(progress.total)} {unit}
          </>
        ) : (
          <>
            <progress aria-label={label} /> {waiting}
          </>
        )}
      </div>
      <p className="muted small">Everything is saved at once when the {what} finishes: all of it, or none.</p>
    </>
  );
}
