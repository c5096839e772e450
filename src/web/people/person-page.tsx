import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../api.js';
import { ConversationList } from '../conversations/conversation-list.js';
import { NotesPanel } from '../conversations/notes-panel.js';
import { Timeline } from '../conversations/timeline.js';
import { PersonNetwork } from '../network/person-network.js';
import { MessageLog } from '../outreach/message-log.js';
import { composeUrl } from '../outreach/outreach-links.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { FormerOrganizations } from './former-organizations.js';
import { PersonDetails } from './person-details.js';
import { RecentMerges } from './recent-merges.js';

/** One person: details, conversations, timeline and notes. */
export function PersonPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const person = useLoad(`person:${id}`, () => call(api.people[':id'].$get({ param: { id } })));
  const conversations = useLoad(`person-conversations:${id}`, () =>
    call(api.conversations.$get({ query: { personId: id } })),
  );
  const timeline = useLoad(`person-timeline:${id}`, () =>
    call(api.people[':id'].timeline.$get({ param: { id } })),
  );
  const messages = useLoad(`person-messages:${id}`, () =>
    call(api.messages.$get({ query: { personId: id } })),
  );
  // Undoing a merge moves notes, introductions, conversations and messages back to the other
  // person: every panel reads again (the ones that load their own data are remounted).
  const [undoneMerges, setUndoneMerges] = useState(0);
  const afterUndo = () => {
    person.reload();
    conversations.reload();
    timeline.reload();
    messages.reload();
    setUndoneMerges((n) => n + 1);
  };

  if (person.error) {
    return (
      <>
        <PageHeader title="Person not found" eyebrow={<Link to="/people">← People</Link>} />
        <Alert>{person.error.message}</Alert>
      </>
    );
  }
  const p = person.data;
  if (!p) return <Loading what="Loading this person" />;

  const subtitle = [p.title, p.organizationName].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={p.fullName}
        eyebrow={<Link to="/people">← People</Link>}
        subtitle={subtitle || undefined}
        actions={
          <>
            <Link to={`/conversations/new?personId=${p.id}`} className="button button-primary">
              Plan a conversation
            </Link>
            <Link to={composeUrl({ personId: p.id, purpose: 'keep_in_touch' })} className="button">
              Write a message
            </Link>
            <Link to={`/people/${p.id}/edit`} className="button">
              Edit
            </Link>
            <ConfirmButton
              label="Delete"
              question={`Delete ${p.fullName}?`}
              detail={
                <p>
                  Their notes go too, and they are removed from every conversation they took part in. This
                  cannot be undone.
                </p>
              }
              confirmLabel="Delete person"
              onConfirm={async () => {
                await call(api.people[':id'].$delete({ param: { id: p.id } }));
                navigate('/people');
              }}
            />
          </>
        }
      />
      <RecentMerges key={`merges-${p.id}`} personId={p.id} onUndone={afterUndo} />
      <div className="columns">
        <div className="column-main">
          <section className="card" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <PersonDetails person={p} />
            <FormerOrganizations ids={p.pastOrganizationIds} />
          </section>
          <PersonNetwork
            key={`${p.id}:${undoneMerges}`}
            person={{ id: p.id, fullName: p.fullName }}
            onChanged={() => {
              person.reload();
              timeline.reload();
            }}
          />
          <section className="card" aria-labelledby="conversations-heading">
            <h2 id="conversations-heading">Conversations</h2>
            {conversations.error && <Alert>{conversations.error.message}</Alert>}
            {!conversations.data && conversations.loading && <Loading what="Loading conversations" />}
            {conversations.data?.items.length === 0 && (
              <p className="muted">
                No conversations with {p.fullName} yet.{' '}
                <Link to={`/conversations/new?personId=${p.id}`}>Plan one</Link> — twenty minutes of their
                time is usually enough.
              </p>
            )}
            {conversations.data && conversations.data.items.length > 0 && (
              <ConversationList
                items={conversations.data.items}
                hidePeople
                hideOrganization
                caption={`Conversations with ${p.fullName}`}
              />
            )}
          </section>
          <MessageLog
            messages={messages}
            people={[{ id: p.id, fullName: p.fullName }]}
            onChanged={() => {
              conversations.reload();
              timeline.reload();
            }}
          />
          <NotesPanel
            key={`notes-${p.id}:${undoneMerges}`}
            subject={{ personId: p.id }}
            onChanged={timeline.reload}
          />
        </div>
        <div className="column-side">
          <Timeline
            entries={timeline.data}
            loading={timeline.loading}
            error={timeline.error?.message ?? null}
            emptyText="Nothing has happened with this person yet."
          />
        </div>
      </div>
    </>
  );
}
