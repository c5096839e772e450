import { Link } from 'react-router';
import { INSIGHT_TOPIC_LABELS, type InsightTopic } from '../../domain/insights.js';
import type { Insight } from '../meetings/preparation-api.js';
import { formatDate } from '../ui/format.js';

interface InsightsByTopicProps {
  groups: { topic: string; insights: Insight[] }[];
  /** Leave out the organization when every insight is about the same one. */
  hideOrganization?: boolean;
  /** Heading level of the topic headings. */
  level?: 2 | 3;
}

/** Insights grouped under their topic, each with who said it, where and when. */
export function InsightsByTopic({ groups, hideOrganization, level = 3 }: InsightsByTopicProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      {groups.map((g) => (
        <section key={g.topic} className="insight-group" aria-label={topicLabel(g.topic)}>
          <Heading>
            {topicLabel(g.topic)} <span className="muted small">{g.insights.length}</span>
          </Heading>
          <ul className="insight-list">
            {g.insights.map((i) => (
              <li key={i.id}>
                <p className="insight-body">{i.body}</p>
                <p className="small muted">
                  {[
                    i.personName &&
                      (i.personId ? <Link to={`/people/${i.personId}`}>{i.personName}</Link> : i.personName),
                    !hideOrganization &&
                      i.organizationName &&
                      (i.organizationId ? (
                        <Link to={`/organizations/${i.organizationId}`}>{i.organizationName}</Link>
                      ) : (
                        i.organizationName
                      )),
                    i.role && <Link to={`/roles/${encodeURIComponent(i.role)}`}>{i.role}</Link>,
                    formatDate(i.createdAt),
                  ]
                    .filter(Boolean)
                    .map((part, n) => (
                      <span key={n}>
                        {n > 0 && ' · '}
                        {part}
                      </span>
                    ))}
                </p>
                {i.skills.length > 0 && (
                  <ul className="tags" aria-label="Skills">
                    {i.skills.map((s) => (
                      <li key={s} className="tag">
                        {s}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function topicLabel(topic: string): string {
  return INSIGHT_TOPIC_LABELS[topic as InsightTopic] ?? topic;
}
