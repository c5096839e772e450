import { Link } from 'react-router';
import { api, call } from '../api.js';
import { composeUrl } from '../outreach/outreach-links.js';
import { Alert } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';
import type { WarmPath } from './network-api.js';
import { hopsLabel, strengthLabel } from './network-labels.js';

/** The best ways into an organization, ranked: whom to ask first, and who they lead to. */
export function WaysIn({ organizationId, name }: { organizationId: string; name: string }) {
  const paths = useLoad(`warm-paths:${organizationId}`, () =>
    call(api.network['warm-paths'][':id'].$get({ param: { id: organizationId } })),
  );
  return (
    <section className="card" aria-labelledby="ways-in-heading">
      <h2 id="ways-in-heading">Ways in</h2>
      {paths.error && <Alert>{paths.error.message}</Alert>}
      {!paths.data && paths.loading && <Loading what="Looking for ways in" />}
      {paths.data?.length === 0 && (
        <p className="muted">
          No way in yet. Add people who work at {name} — or used to — and record who introduced whom; the
          shortest paths from the people you know will show up here.
        </p>
      )}
      {paths.data && paths.data.length > 0 && (
        <>
          <p className="muted small">
            Fewest introductions first, then the people you are closest to. A warm introduction is far more
            likely to get a yes than a message out of the blue. Nobody is suggested as a go-between to someone
            you have already met or been introduced to: write to them yourself.
          </p>
          <ol className="warm-paths">
            {paths.data.map((p) => (
              <WarmPathItem key={p.insiderId + p.via.join()} path={p} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function WarmPathItem({ path }: { path: WarmPath }) {
  const first = path.people[0];
  const insider = path.people[path.people.length - 1];
  if (!first || !insider) return null;
  const percent = Math.round(Math.max(0, Math.min(1, path.strength)) * 100);
  return (
    <li className="warm-path">
      <div className="warm-path-chain">
        <ol className="warm-path-steps" aria-label={`Path to ${insider.fullName}`}>
          <li>You</li>
          {path.people.map((person) => (
            <li key={person.id}>
              <span aria-hidden="true" className="warm-path-arrow">
                {' → '}
              </span>
              <Link to={`/people/${person.id}`}>{person.fullName}</Link>
            </li>
          ))}
        </ol>
        {path.formerly ? (
          <span className="tag tag-formerly">formerly there</span>
        ) : (
          <span className="tag tag-insider">works there</span>
        )}
      </div>
      <div className="warm-path-facts">
        <span>{hopsLabel(path.hops)}</span>
        <span className="strength">
          <span>Your relationship with {first.fullName}:</span>{' '}
          <meter min={0} max={1} low={0.35} high={0.7} optimum={1} value={path.strength} aria-hidden="true" />{' '}
          <span>
            {strengthLabel(path.strength)} ({percent} %)
          </span>
        </span>
        {path.hops === 0 ? (
          <Link to={`/conversations/new?personId=${insider.id}`} className="button button-small">
            Plan a conversation with {insider.fullName}
          </Link>
        ) : (
          <Link to={composeUrl({ personId: first.id, purpose: 'other' })} className="button button-small">
            Ask {first.fullName} for an introduction
          </Link>
        )}
      </div>
    </li>
  );
}
