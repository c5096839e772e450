import { Link } from 'react-router';
import { api, call } from '../api.js';
import { useLoad } from '../ui/use-load.js';

/** "Formerly at: Acme, Globex" under a person's details; nothing when there is no former employer. */
export function FormerOrganizations({ ids }: { ids: readonly string[] }) {
  const orgs = useLoad(`former-organizations:${ids.join(',')}`, () =>
    ids.length ? call(api.organizations.$get({ query: { limit: '500' } })) : Promise.resolve(null),
  );
  if (ids.length === 0) return null;
  const names = new Map(orgs.data?.items.map((o) => [o.id, o.name]));
  return (
    <p className="former-orgs-line">
      <span className="muted">Formerly at: </span>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <Link to={`/organizations/${id}`}>{names.get(id) ?? 'an organization'}</Link>
        </span>
      ))}
    </p>
  );
}
