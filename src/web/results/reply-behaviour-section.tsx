import { Link } from 'react-router';
import type { Dashboard } from '../network/network-api.js';
import { formatCount } from '../ui/format.js';

const EXPLAIN: Record<string, string> = {
  fast_helper:
    'They usually answer within 3 working days. Good people to ask again, or to ask for an introduction.',
  slow: 'They answer, but late. Give them time before the follow-up.',
  never: 'No answer to any request for 10 working days or more. Try someone else at the same place.',
  unknown: 'Too few requests, or too recent, to tell.',
};

/** People grouped by how they answered requests: quick to help, slow, not at all, not known yet. */
export function ReplyBehaviourSection({ groups }: { groups: Dashboard['replyBehaviour'] }) {
  const total = groups.reduce((n, g) => n + g.total, 0);
  return (
    <section className="card results-card" aria-labelledby="behaviour-heading">
      <h2 id="behaviour-heading">How people answer</h2>
      <p className="muted small">
        Working days, as for follow-ups: weekends and the holidays in Settings do not count.
      </p>
      {total === 0 ? (
        <p className="muted">Nobody to sort yet: this fills in as you log requests and replies.</p>
      ) : (
        <div className="behaviour-grid">
          {groups.map((g) => (
            <div key={g.behaviour} className={`behaviour behaviour-${g.behaviour}`}>
              <h3>
                {g.label} <span className="behaviour-count">{g.total}</span>
              </h3>
              <p className="muted small">{EXPLAIN[g.behaviour]}</p>
              <div className="behaviour-bar" aria-hidden="true">
                <span style={{ width: `${total ? (g.total / total) * 100 : 0}%` }} />
              </div>
              {g.people.length > 0 && (
                <ul className="behaviour-people">
                  {g.people.map((p) => (
                    <li key={p.id}>
                      <Link to={`/people/${p.id}`}>{p.fullName}</Link>
                    </li>
                  ))}
                  {g.total > g.people.length && (
                    <li className="muted">and {formatCount(g.total - g.people.length)} more</li>
                  )}
                </ul>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
