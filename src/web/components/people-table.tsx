import { Link } from 'react-router';
import type { Person } from '../api.js';

interface PeopleTableProps {
  people: Person[];
  /** Hide the organization column on an organization's own page. */
  hideOrganization?: boolean;
}

/** People as a table: name, title, organization and tags. */
export function PeopleTable({ people, hideOrganization }: PeopleTableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            {!hideOrganization && <th scope="col">Organization</th>}
            <th scope="col">Tags</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/people/${p.id}`} className="strong-link">
                  {p.fullName}
                </Link>
              </td>
              <td>{p.title ?? <span className="muted">—</span>}</td>
              {!hideOrganization && (
                <td>
                  {p.organizationId ? (
                    <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
              <td>
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
