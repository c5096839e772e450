import { Link } from 'react-router';
import { api, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import '../meetings/preparation.css';
import './knowledge.css';

/** The roles and careers people told you about, with how many insights each has. */
export function RolesPage() {
  const roles = useLoad('roles', () => call(api.preparation.knowledge.roles.$get()));
  const list = (roles.data ?? []).filter((r): r is { role: string; count: number } => !!r.role);
  return (
    <>
      <PageHeader
        title="Roles"
        subtitle="What people said about each role, and which skills they named — added up across conversations."
      />
      {roles.error && <Alert>{roles.error.message}</Alert>}
      {!roles.data && roles.loading && <Loading what="Loading roles" />}
      {roles.data && list.length === 0 && (
        <EmptyState title="No roles yet">
          <p>
            When you write a debrief, give each insight the role or career it is about. The skills people name
            then add up here, so you can see which ones come up again and again.
          </p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <ul className="role-list card" aria-label="Roles">
          {list.map((r) => (
            <li key={r.role}>
              <Link to={`/roles/${encodeURIComponent(r.role)}`} className="strong-link">
                {r.role}
              </Link>{' '}
              <span className="muted small">
                {r.count} {r.count === 1 ? 'insight' : 'insights'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
