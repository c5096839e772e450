import { useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api, call } from '../api.js';
import { ExportCsvLink } from '../exports/export-csv-link.js';
import { Alert, Notice } from '../ui/alert.js';
import { EmptyState } from '../ui/empty-state.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { OpportunityEditor } from './opportunity-editor.js';
import { emptyOpportunity, type OpportunityFormValues } from './opportunity-form-values.js';
import { OpportunityRow } from './opportunity-row.js';
import { ResultsTabs } from './results-tabs.js';

function loadList() {
  return Promise.all([
    call(api.opportunities.$get({ query: {} })),
    call(api.organizations.$get({ query: { limit: '500' } })),
    call(api.people.$get({ query: { limit: '500' } })),
    call(api.conversations.$get({ query: { limit: '500' } })),
  ]).then(([opportunities, orgs, people, conversations]) => {
    const names = new Map<string, string>();
    for (const p of people.items) names.set(`p:${p.id}`, p.fullName);
    for (const c of conversations.items) names.set(`c:${c.id}`, c.title);
    return { opportunities, organizations: orgs.items, names };
  });
}

/** A new result's starting values, from "?conversationId=…" or "?personId=…" in the address. */
async function prefill(
  conversationId: string | null,
  personId: string | null,
): Promise<OpportunityFormValues> {
  const values = emptyOpportunity();
  if (conversationId) {
    const c = await call(api.conversations[':id'].$get({ param: { id: conversationId } }));
    values.sources.push({ conversationId: c.id, label: c.title });
    values.organizationChoice = c.organizationId ?? '';
  }
  if (personId) {
    const p = await call(api.people[':id'].$get({ param: { id: personId } }));
    values.sources.push({ personId: p.id, label: p.fullName });
    if (!values.organizationChoice) values.organizationChoice = p.organizationId ?? '';
  }
  return values;
}

/** Everything the conversations produced: record, edit and delete openings, referrals, offers… */
export function OpportunitiesPage() {
  const [params, setParams] = useSearchParams();
  const adding = params.get('new') === '1';
  const conversationId = params.get('conversationId');
  const personId = params.get('personId');
  const list = useLoad('opportunities', loadList);
  const initial = useLoad(`opportunity-prefill:${adding}:${conversationId}:${personId}`, () =>
    adding ? prefill(conversationId, personId) : Promise.resolve(null),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const d = list.data;
  const { hash } = useLocation();
  // A link from elsewhere ("#opportunity-…") points at a row that only exists once the list loaded.
  useEffect(() => {
    if (d && hash.startsWith('#opportunity-'))
      document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [d, hash]);

  const startAdding = () => {
    setSaved(null);
    setParams({ new: '1' });
  };

  return (
    <>
      <PageHeader
        title="Opportunities"
        eyebrow={<Link to="/results">← Results</Link>}
        subtitle="Leads, referrals, job interviews and offers, each linked to the conversations and people it came from."
        actions={
          !adding && (
            <>
              <ExportCsvLink list="opportunities" />
              <button type="button" className="button button-primary" onClick={startAdding}>
                Record a result
              </button>
            </>
          )
        }
      />
      <ResultsTabs />
      {saved && (
        <Notice tone="success">
          Saved “{saved}”. It counts on the <Link to="/results">dashboard</Link> and for everyone it is
          credited to.
        </Notice>
      )}
      {adding && (
        <section className="card" aria-labelledby="new-result-heading">
          <h2 id="new-result-heading">Record a result</h2>
          {initial.error && <Alert>{initial.error.message}</Alert>}
          {initial.data && d && (
            <OpportunityEditor
              key={`${conversationId}:${personId}`}
              initial={initial.data}
              organizations={d.organizations}
              onOrganizationAdded={list.reload}
              onCancel={() => setParams({})}
              onReloadLatest={list.reload}
              onSaved={(o) => {
                setSaved(o.title);
                setParams({});
                list.reload();
              }}
            />
          )}
          {(!initial.data || !d) && !initial.error && <Loading what="Preparing the form" />}
        </section>
      )}
      {list.error && <Alert>{list.error.message}</Alert>}
      {!d && list.loading && <Loading what="Loading opportunities" />}
      {d && d.opportunities.length === 0 && !adding && (
        <EmptyState
          title="No results recorded yet"
          actions={
            <button type="button" className="button button-primary" onClick={startAdding}>
              Record a result
            </button>
          }
        >
          <p>
            When a conversation leads somewhere — a role you heard about before it was posted, a referral, a
            job interview, an offer, or a rejection worth asking about — record it here. Linking it to the
            conversations and people it came from shows who helped, and how.
          </p>
        </EmptyState>
      )}
      {d && d.opportunities.length > 0 && (
        <div className="table-wrap">
          <table className="table opportunities-table">
            <caption className="visually-hidden">Opportunities, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Result</th>
                <th scope="col">Organization</th>
                <th scope="col">Date</th>
                <th scope="col">Came from</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            {d.opportunities.map((o) => (
              <OpportunityRow
                key={`${o.id}:${o.version}`}
                opportunity={o}
                highlighted={hash === `#opportunity-${o.id}`}
                organizations={d.organizations}
                nameOf={(key) => d.names.get(key)}
                onChanged={list.reload}
                onOrganizationAdded={list.reload}
              />
            ))}
          </table>
        </div>
      )}
    </>
  );
}
