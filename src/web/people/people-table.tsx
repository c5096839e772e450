import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Person } from '../api.js';

/** Rows in a long list's first paint: more than a tall screen holds. */
const FIRST_ROWS = 30;

/**
 * Whether a list of `length` rows may be shown whole. A long list is first shown with its first
 * rows only, and whole right after that frame is painted: the screen fills in about a third of
 * the time (a hundred rows took 100–120 ms to render and 30–50 ms to lay out in Chromium), and
 * the rows below come before anyone can scroll to them. Later lists (another page, a search) are
 * shown whole at once.
 */
function useWholeAfterFirstPaint(length: number): boolean {
  const [whole, setWhole] = useState(length <= FIRST_ROWS);
  useEffect(() => {
    if (whole) return;
    const show = () => setWhole(true);
    // A frame callback runs just before the paint, and a task it posts just after. A tab in the
    // background paints nothing and runs no frames: the timer shows the rest there.
    let afterPaint: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      afterPaint = setTimeout(show, 0);
    });
    const fallback = setTimeout(show, 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(afterPaint);
      clearTimeout(fallback);
    };
  }, [whole]);
  return whole;
}

/** Which rows are ticked, for acting on several people at once. */
export interface PeopleSelection {
  selected: ReadonlySet<string>;
  /** Ticks or unticks some people. */
  set: (ids: string[], on: boolean) => void;
}

interface PeopleTableProps {
  people: Person[];
  /** Hide the organization column on an organization's own page. */
  hideOrganization?: boolean;
  /** Shows a checkbox on every row, and one in the header for the whole page. */
  selection?: PeopleSelection;
}

/** People as a table: name, title, organization and tags. */
export function PeopleTable({ people, hideOrganization, selection }: PeopleTableProps) {
  const whole = useWholeAfterFirstPaint(people.length);
  const rows = whole ? people : people.slice(0, FIRST_ROWS);
  const ticked = selection ? people.filter((p) => selection.selected.has(p.id)).length : 0;
  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="select-cell">
                <input
                  type="checkbox"
                  aria-label="Select everyone on this page"
                  checked={people.length > 0 && ticked === people.length}
                  ref={(el) => {
                    if (el) el.indeterminate = ticked > 0 && ticked < people.length;
                  }}
                  onChange={(e) =>
                    selection.set(
                      people.map((p) => p.id),
                      e.target.checked,
                    )
                  }
                />
              </th>
            )}
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            {!hideOrganization && <th scope="col">Organization</th>}
            <th scope="col">Tags</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className={selection?.selected.has(p.id) ? 'row-selected' : undefined}>
              {selection && (
                <td className="select-cell">
                  <input
                    type="checkbox"
                    aria-label={`Select ${p.fullName}`}
                    checked={selection.selected.has(p.id)}
                    onChange={(e) => selection.set([p.id], e.target.checked)}
                  />
                </td>
              )}
              <td>
                <Link to={`/people/${p.id}`} className="strong-link">
                  {p.fullName}
                </Link>
              </td>
              <td data-label="Title">{p.title ?? <span className="muted">—</span>}</td>
              {!hideOrganization && (
                <td data-label="Organization">
                  {p.organizationId ? (
                    <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
              <td data-label="Tags">
                {p.tags.length ? (
                  <ul className="tags" aria-label={`Tags of ${p.fullName}`}>
                    {p.tags.map((t) => (
                      <li key={t} className="tag">
                        {t}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
