import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { OPPORTUNITY_KIND_LABELS } from '../../domain/vocab.js';
import type { Dashboard } from '../network/network-api.js';
import { formatDay } from '../ui/format.js';

type CreditedResult = Dashboard['credits']['results'][number];

/** "A, B and C" from the links, for a sentence. */
function listed(items: { key: string; node: ReactNode }[]): ReactNode {
  return items.map(({ key, node }, i) => (
    <Fragment key={key}>
      {i > 0 && (i === items.length - 1 ? ' and ' : ', ')}
      {node}
    </Fragment>
  ));
}

/** Who and what a result is credited to, as a sentence of links, or why nothing is. */
function CreditedTo({ result }: { result: CreditedResult }) {
  const links = [
    ...result.conversations.map((c) => ({
      key: `c:${c.id}`,
      node: <Link to={`/conversations/${c.id}`}>{c.title}</Link>,
    })),
    ...result.people.map((p) => ({
      key: `p:${p.id}`,
      node: <Link to={`/people/${p.id}`}>{p.fullName}</Link>,
    })),
  ];
  if (!links.length) {
    return (
      <span className="muted">
        Not credited to a conversation or a person yet.{' '}
        <Link to={`/results/opportunities#opportunity-${result.id}`}>Add where it came from</Link>
      </span>
    );
  }
  return <>Credited to {listed(links)}</>;
}

/** The latest results, each naming the conversations and people it is credited to. */
export function CreditsSection({ credits }: { credits: Dashboard['credits'] }) {
  return (
    <section className="card results-card" aria-labelledby="credits-heading">
      <h2 id="credits-heading">Where your results came from</h2>
      {credits.results.length === 0 ? (
        <p className="muted">
          No result recorded yet. When a conversation leads to a lead, a referral, an interview or an offer,{' '}
          <Link to="/results/opportunities?new=1">record it</Link> and it shows here with what it came from.
        </p>
      ) : (
        <>
          <ul className="credit-list results-credits">
            {credits.results.map((r) => (
              <li key={r.id} data-result={r.id}>
                <span className={`tag kind-tag kind-${r.kind}`}>{OPPORTUNITY_KIND_LABELS[r.kind]}</span>{' '}
                <Link to={`/results/opportunities#opportunity-${r.id}`} className="strong-link">
                  {r.title}
                </Link>{' '}
                <span className="muted small">{formatDay(r.occurredOn)}</span>
                <div className="small">
                  <CreditedTo result={r} />
                </div>
              </li>
            ))}
          </ul>
          {credits.total > credits.results.length && (
            <p className="small">
              The latest {credits.results.length} of {credits.total}.{' '}
              <Link to="/results/opportunities">See every result</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
