import { Link } from 'react-router';
import type { Person } from '../api.js';

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
          {people.map((p) => (
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
