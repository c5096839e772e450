import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { CONVERSATION_TYPE_LABELS } from '../../domain/vocab.js';
import { api, type Conversation, call } from '../api.js';
import { ThankYouPanel } from '../debrief/thank-you-panel.js';
import { ConversationPreparation } from '../meetings/conversation-preparation.js';
import { MeetingSummary } from '../meetings/meeting-summary.js';
import { ScheduleForm } from '../meetings/schedule-form.js';
import { FollowUpDates } from '../outreach/follow-up-dates.js';
import { MessageLog } from '../outreach/message-log.js';
import { composeUrl } from '../outreach/outreach-links.js';
import { ConversationResults } from '../results/conversation-results.js';
import { TasksPanel } from '../tasks/tasks-panel.js';
import { Alert, Notice } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import { CommentsPanel } from './comments-panel.js';
import { NotesPanel } from './notes-panel.js';
import { ReplyQuestion } from './reply-question.js';
import { StatusActions } from './status-actions.js';
import { StatusBadge } from './status-badge.js';
import { StatusHistory } from './status-history.js';

/** One conversation: who, why, its status and the moves allowed next, the meeting and notes. */
export function ConversationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const conv = useLoad(`conversation:${id}`, () => call(api.conversations[':id'].$get({ param: { id } })));
  const messages = useLoad(`conversation-messages:${id}`, () =>
    call(api.messages.$get({ query: { conversationId: id } })),
  );
  // Today's "Moved" answer links here with ?reschedule=1, opening the form at once.
  const [searchParams] = useSearchParams();
  const [scheduling, setScheduling] = useState(searchParams.get('reschedule') === '1');
  const [warnings, setWarnings] = useState<string[]>([]);

  if (conv.error && !conv.data) {
    return (
      <>
        <PageHeader
          title="Conversation not found"
          eyebrow={<Link to="/conversations">← Conversations</Link>}
        />
        <Alert>{conv.error.message}</Alert>
      </>
    );
  }
  const c = conv.data;
  if (!c) return <Loading what="Loading this conversation" />;

  return (
    <>
      <PageHeader
        title={c.title}
        eyebrow={<Link to="/conversations">← Conversations</Link>}
        subtitle={
          <>
            {CONVERSATION_TYPE_LABELS[c.type]}
            {c.organizationId && (
              <>
                {' · '}
                <Link to={`/organizations/${c.organizationId}`}>{c.organizationName}</Link>
              </>
            )}
            {c.role && ` · about the role of ${c.role}`}
          </>
        }
        actions={
          <ConfirmButton
            label="Delete"
            question="Delete this conversation?"
            detail={<p>Its meeting, goals, history and notes are deleted too. The people stay.</p>}
            confirmLabel="Delete conversation"
            onConfirm={async () => {
              await call(api.conversations[':id'].$delete({ param: { id: c.id } }));
              navigate('/conversations');
            }}
          />
        }
      />
      <div className="columns">
        <div className="column-main">
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading">
              Status{' '}
              <span aria-live="polite">
                <StatusBadge status={c.status} />
              </span>
            </h2>
            <ReplyQuestion
              key={`reply-${c.id}-${c.version}`}
              conversation={c}
              onAnswered={(next) => {
                conv.setData(next);
                messages.reload();
              }}
            />
            {!c.replyToAnswer && <NextMessage conversation={c} />}
            {c.status === 'requested' && !c.replyToAnswer && <FollowUpDates conversation={c} />}
            <StatusActions
              key={`${c.id}-${c.version}`}
              conversation={c}
              onReload={conv.reload}
              onMoved={conv.setData}
            />
          </section>

          {(c.status === 'held' || c.status === 'thanked') && (
            <ThankYouPanel conversation={c} messages={messages.data} />
          )}

          <section className="card" aria-labelledby="meeting-heading">
            <h2 id="meeting-heading">Meeting</h2>
            {warnings.length > 0 && (
              <Notice tone="warning">
                {warnings.map((w) => (
                  <p key={w}>{w}</p>
                ))}
              </Notice>
            )}
            {c.meeting ? <MeetingSummary meeting={c.meeting} /> : <p className="muted">Not scheduled yet.</p>}
            {c.meeting && !scheduling && (
              <p>
                <a href={`/api/calendar/meetings/${c.id}`} download className="button button-small">
                  Download .ics
                </a>{' '}
                <span className="muted small">Adds the meeting, with a reminder, to your calendar.</span>
              </p>
            )}
            {scheduling ? (
              <ScheduleForm
                conversation={c}
                onCancel={() => setScheduling(false)}
                onScheduled={(next, w) => {
                  setWarnings(w);
                  setScheduling(false);
                  conv.setData(next);
                }}
              />
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setWarnings([]);
                  setScheduling(true);
                }}
              >
                {c.meeting ? 'Reschedule' : 'Schedule the meeting'}
              </button>
            )}
          </section>

          <section className="card" aria-labelledby="who-heading">
            <h2 id="who-heading">With</h2>
            <ul className="participants">
              {c.participants.map((p) => (
                <li key={p.id}>
                  <Link to={`/people/${p.id}`}>{p.fullName}</Link>
                </li>
              ))}
            </ul>
            <h3>Goals</h3>
            {c.goals.length === 0 ? (
              <p className="muted">
                No goals written down. A few questions you want answered help keep it short.
              </p>
            ) : (
              <ul className="goals">
                {c.goals.map((g) => (
                  <li key={g.id} className={g.achieved ? 'goal-achieved' : undefined}>
                    {g.text}
                    {g.achieved && <span className="tag">achieved</span>}
                  </li>
                ))}
              </ul>
            )}
            {c.reachedVia && (
              <p className="muted small">
                Reached via: <span>{c.reachedVia}</span>
              </p>
            )}
          </section>

          <ConversationPreparation conversation={c} />
          <MessageLog
            messages={messages}
            people={c.participants}
            conversationId={c.id}
            onChanged={conv.reload}
          />
          <TasksPanel
            conversationId={c.id}
            personId={c.participants.length === 1 ? c.participants[0]?.id : null}
          />
          <NotesPanel subject={{ conversationId: c.id }} />
          <CommentsPanel conversationId={c.id} />
        </div>
        <div className="column-side">
          <ConversationResults conversationId={c.id} />
          <StatusHistory history={c.history} />
        </div>
      </div>
    </>
  );
}

/** The message that moves the conversation on: the request while it is an idea, a follow-up while it waits. */
function NextMessage({ conversation: c }: { conversation: Conversation }) {
  const purpose = c.status === 'idea' ? 'request' : c.status === 'requested' ? 'follow_up' : null;
  if (!purpose) return null;
  const verb = purpose === 'request' ? 'Write request' : 'Write follow-up';
  return (
    <div className="actions next-message">
      {c.participants.map((p) => (
        <Link
          key={p.id}
          to={composeUrl({ personId: p.id, conversationId: c.id, purpose })}
          className={`button${purpose === 'request' ? ' button-primary' : ''}`}
        >
          {c.participants.length > 1 ? `${verb} to ${p.fullName}` : verb}
        </Link>
      ))}
    </div>
  );
}
