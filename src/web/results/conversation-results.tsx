import { Link } from 'react-router';
import { OPPORTUNITY_KIND_LABELS } from '../../domain/vocab.js';
import { api, call } from '../api.js';
import { useLoad } from '../ui/use-load.js';

/** What a conversation led to, and a link to record a result that came from it. */
export function ConversationResults({ conversationId }: { conversationId: string }) {
  const results = useLoad(`conversation-results:${conversationId}`, () =>
    call(api.opportunities.$get({ query: { conversationId } })),
  );
  return (
    <section className="card conversation-results" aria-labelledby="conversation-results-heading">
      <h2 id="conversation-results-heading">Results</h2>
      {results.data && results.data.length > 0 ? (
        <ul className="credit-list">
          {results.data.map((o) => (
            <li key={o.id}>
              <span className={`tag kind-tag kind-${o.kind}`}>{OPPORTUNITY_KIND_LABELS[o.kind]}</span>{' '}
              <Link to={`/results/opportunities#opportunity-${o.id}`}>{o.title}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">Did it lead to a lead, a referral, an interview or an offer?</p>
      )}
      <Link
        to={`/results/opportunities?new=1&conversationId=${conversationId}`}
        className="button button-small"
      >
        Record a result
      </Link>
    </section>
  );
}
