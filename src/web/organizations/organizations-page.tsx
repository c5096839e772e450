import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api.js';
import { ExportCsvLink } from '../exports/export-csv-link.js';
import { Alert } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { SearchBox } from '../ui/search-box.js';
import { useLoad } from '../ui/use-load.js';

/** The employers and teams in the workspace, by name. */
export function OrganizationsPage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const orgs = useLoad(`organizations:${q}`, () =>
    call(api.organizations.$get({ query: { q: q || undefined, limit: '500' } })),
  );
  const list = orgs.data;

  return (
    <>
      <PageHeader
        title="Organizations"
        subtitle="Where the people you talk to work, and where you might like to."
        actions={
          <>
            <ExportCsvLink list="organizations" filter={{ q }} />
            <Link to="/organizations/new" className="button button-primary">
              Add organization
            </Link>
          </>
        }
      />
      <SearchBox label="Search organizations" placeholder="Name or industry" />
      {orgs.error && <Alert>{orgs.error.message}</Alert>}
      {!list && orgs.loading && <Loading what="Loading organizations" />}
      {list && list.total === 0 && !q && (
        <EmptyState
          title="No organizations yet"
          actions={
            <Link to="/organizations/new" className="button button-primary">
              Add an organization
            </Link>
          }
        >
          <p>
            List the places you are curious about: dream employers, places where friends or alumni work, and
            teams that are hiring in your field. Then find someone there to talk to.
          </p>
        </EmptyState>
      )}
      {list && list.total === 0 && q && (
        <p className="muted" role="status">
          No organization matches “{q}”.
        </p>
      )}
      {list && list.total > 0 && (
        <div className="table-wrap">
          <table className="table table-stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Industry</th>
                <th scope="col">Location</th>
                <th scope="col" className="numeric">
                  People
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/organizations/${o.id}`} className="strong-link">
                      {o.name}
                    </Link>
                  </td>
                  <td data-label="Industry">{o.industry ?? <span className="muted">—</span>}</td>
                  <td data-label="Location">{o.location ?? <span className="muted">—</span>}</td>
                  <td className="numeric" data-label="People">
                    {o.peopleCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
