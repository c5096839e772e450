import { Link, useParams } from 'react-router';
import { formatSkillTally } from '../../domain/insights.js';
import { api, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { InsightsByTopic } from './insights-by-topic.js';
import '../meetings/preparation.css';
import './knowledge.css';

/** One role: the skills people named, as "SQL — 4 of 6 people", and their insights by topic. */
export function RolePage() {
  const { role = '' } = useParams();
  const knowledge = useLoad(`role:${role}`, () =>
    call(api.preparation.knowledge.role.$get({ query: { role } })),
  );
  const back = <Link to="/roles">← Roles</Link>;
  if (knowledge.error) {
    return (
      <>
        <PageHeader title={role || 'Role'} eyebrow={back} />
        <Alert>{knowledge.error.message}</Alert>
      </>
    );
  }
  const k = knowledge.data;
  if (!k) return <Loading what="Loading what you learned about this role" />;
  return (
    <>
      <PageHeader title={k.role} eyebrow={back} />
      <div className="columns">
        <div className="column-main">
          <section className="card" aria-labelledby="said-heading">
            <h2 id="said-heading">What people said</h2>
            {k.byTopic.length === 0 ? (
              <p className="muted">Nobody has said anything about this role yet.</p>
            ) : (
              <InsightsByTopic groups={k.byTopic} />
            )}
          </section>
        </div>
        <div className="column-side">
          <section className="card" aria-labelledby="skills-heading">
            <h2 id="skills-heading">Skills they named</h2>
            {k.skills.length === 0 ? (
              <p className="muted">No skills named yet. Add them to insights in your debriefs.</p>
            ) : (
              <ul className="skill-tally" aria-label="Skills they named">
                {k.skills.map((s) => (
                  <li key={s.skill}>
                    <span>{formatSkillTally(s)}</span>
                    <span className="skill-bar" aria-hidden="true">
                      <span style={{ width: `${(100 * s.people) / Math.max(s.of, 1)}%` }} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
