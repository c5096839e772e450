import { Link } from 'react-router';
import { OPPORTUNITY_KIND_LABELS } from '../../domain/vocab.js';
import { api, call } from '../api.js';
import type { PickedPerson } from '../people/person-picker.js';
import { Alert } from '../ui/alert.js';
import { formatDay } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';

/**
 * What a person helped bring about: results from their own conversations ("direct") and results
 * that came through anyone they introduced, however far down the chain.
 */
export function CreditedResults({ person, refreshKey = 0 }: { person: PickedPerson; refreshKey?: number }) {
  const credits = useLoad(`credits:${person.id}:${refreshKey}`, () =>
    call(api.network.credits[':id'].$get({ param: { id: person.id } })),
  );
  const recordUrl = `/results/opportunities?new=1&personId=${person.id}`;
  return (
    <section className="card" aria-labelledby="credited-heading">
      <h2 id="credited-heading">Credited results</h2>
      {credits.error && <Alert>{credits.error.message}</Alert>}
      {!credits.data && credits.loading && <Loading what="Loading results" />}
      {credits.data?.length === 0 && (
        <p className="muted">
          Nothing credited to {person.fullName} yet. When a lead, a referral, a job interview or an offer
          comes from them — or from someone they introduced — <Link to={recordUrl}>record the result</Link>{' '}
          and it shows up here.
        </p>
      )}
      {credits.data && credits.data.length > 0 && (
        <>
          <ul className="credit-list">
            {credits.data.map((o) => (
              <li key={o.id} className="credit-item">
                <span className={`tag kind-tag kind-${o.kind}`}>{OPPORTUNITY_KIND_LABELS[o.kind]}</span>{' '}
                <Link to={`/results/opportunities#opportunity-${o.id}`} className="strong-link">
                  {o.title}
                </Link>{' '}
                <span className="muted small">{formatDay(o.occurredOn)}</span>{' '}
                <span className={`credit-how${o.direct ? ' credit-direct' : ''}`}>
                  {o.direct ? 'Direct' : 'Through people they introduced'}
                </span>
              </li>
            ))}
          </ul>
          <p className="small">
            <Link to={recordUrl}>Record another result</Link>
          </p>
        </>
      )}
    </section>
  );
}
