import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../api.js';
import { ConversationList } from '../conversations/conversation-list.js';
import { NotesPanel } from '../conversations/notes-panel.js';
import { Timeline } from '../conversations/timeline.js';
import { OrganizationKnowledge } from '../insights/organization-knowledge.js';
import { CoveragePanel } from '../meetings/coverage-panel.js';
import { WaysIn } from '../network/ways-in.js';
import { PeopleTable } from '../people/people-table.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { Loading } from '../ui/loading.js';
import { Markdown } from '../ui/markdown.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';

/** One organization: details, its people, conversations there, timeline and notes. */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const org = useLoad(`organization:${id}`, () => call(api.organizations[':id'].$get({ param: { id } })));
  const people = useLoad(`organization-people:${id}`, () =>
    call(api.people.$get({ query: { organizationId: id, limit: '500' } })),
  );
  const conversations = useLoad(`organization-conversations:${id}`, () =>
    call(api.conversations.$get({ query: { organizationId: id } })),
  );
  const timeline = useLoad(`organization-timeline:${id}`, () =>
    call(api.organizations[':id'].timeline.$get({ param: { id } })),
  );

  if (org.error) {
    return (
      <>
        <PageHeader
          title="Organization not found"
          eyebrow={<Link to="/organizations">← Organizations</Link>}
        />
        <Alert>{org.error.message}</Alert>
      </>
    );
  }
  const o = org.data;
  if (!o) return <Loading what="Loading this organization" />;

  const subtitle = [o.industry, o.location].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={o.name}
        eyebrow={<Link to="/organizations">← Organizations</Link>}
        subtitle={
          subtitle || o.website ? (
            <>
              {subtitle}
              {subtitle && o.website && ' · '}
              {o.website && (
                <a href={o.website} target="_blank" rel="noopener noreferrer">
                  {o.website.replace(/^https?:\/\//, '')}
                </a>
              )}
            </>
          ) : undefined
        }
        actions={
          <>
            <Link to={`/people/new?organizationId=${o.id}`} className="button">
              Add someone here
            </Link>
            <Link to={`/organizations/${o.id}/edit`} className="button">
              Edit
            </Link>
            <ConfirmButton
              label="Delete"
              question={`Delete ${o.name}?`}
              detail={
                <p>
                  Its notes are deleted. The {o.peopleCount === 1 ? 'person' : `${o.peopleCount} people`} who
                  work there stay in your list, without an organization.
                </p>
              }
              confirmLabel="Delete organization"
              onConfirm={async () => {
                await call(api.organizations[':id'].$delete({ param: { id: o.id } }));
                navigate('/organizations');
              }}
            />
          </>
        }
      />
      <div className="columns">
        <div className="column-main">
          {o.notes.trim() && (
            <section className="card" aria-labelledby="about-heading">
              <h2 id="about-heading">About</h2>
              <Markdown text={o.notes} />
            </section>
          )}
          <CoveragePanel organizationId={o.id} />
          <WaysIn organizationId={o.id} name={o.name} />
          <section className="card" aria-labelledby="people-heading">
            <h2 id="people-heading">People here</h2>
            {people.error && <Alert>{people.error.message}</Alert>}
            {!people.data && people.loading && <Loading what="Loading people" />}
            {people.data?.items.length === 0 && (
              <p className="muted">
                Nobody yet. <Link to={`/people/new?organizationId=${o.id}`}>Add someone who works here</Link>.
              </p>
            )}
            {people.data && people.data.items.length > 0 && (
              <PeopleTable people={people.data.items} hideOrganization />
            )}
          </section>
          <section className="card" aria-labelledby="conversations-heading">
            <h2 id="conversations-heading">Conversations</h2>
            {conversations.error && <Alert>{conversations.error.message}</Alert>}
            {!conversations.data && conversations.loading && <Loading what="Loading conversations" />}
            {conversations.data?.items.length === 0 && (
              <p className="muted">No conversations about {o.name} yet.</p>
            )}
            {conversations.data && conversations.data.items.length > 0 && (
              <ConversationList
                items={conversations.data.items}
                hideOrganization
                caption={`Conversations at ${o.name}`}
              />
            )}
          </section>
          <OrganizationKnowledge organizationId={o.id} />
          <NotesPanel subject={{ organizationId: o.id }} onChanged={timeline.reload} />
        </div>
        <div className="column-side">
          <Timeline
            entries={timeline.data}
            loading={timeline.loading}
            error={timeline.error?.message ?? null}
            emptyText="Nothing has happened here yet."
          />
        </div>
      </div>
    </>
  );
}
