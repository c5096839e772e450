import { api, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Loading } from '../ui/loading.js';
import { useLoad } from '../ui/use-load.js';
import { InsightsByTopic } from './insights-by-topic.js';
import '../meetings/preparation.css';
import './knowledge.css';

/** "What we learned" about an organization, across every conversation there, by topic. */
export function OrganizationKnowledge({ organizationId }: { organizationId: string }) {
  const knowledge = useLoad(`organization-knowledge:${organizationId}`, () =>
    call(api.preparation.knowledge.organizations[':id'].$get({ param: { id: organizationId } })),
  );
  const groups = knowledge.data;
  return (
    <section className="card" aria-labelledby="learned-heading">
      <h2 id="learned-heading">What we learned</h2>
      {knowledge.error && <Alert>{knowledge.error.message}</Alert>}
      {!groups && knowledge.loading && <Loading what="Loading what you learned" />}
      {groups && groups.length === 0 && (
        <p className="muted">
          Nothing yet. After a conversation here, write the debrief: what they said about culture, skills and
          hiring collects on this page.
        </p>
      )}
      {groups && groups.length > 0 && <InsightsByTopic groups={groups} hideOrganization />}
    </section>
  );
}
