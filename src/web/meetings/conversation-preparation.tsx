import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Conversation, call } from '../api.js';
import { Alert } from '../ui/alert.js';
import { useLoad } from '../ui/use-load.js';
import { BringList } from './bring-list.js';
import { PrepChecklist } from './prep-checklist.js';
import './preparation.css';

/** Statuses after the meeting took place, when a debrief makes sense. */
const AFTER_MEETING = new Set(['held', 'thanked', 'keeping_in_touch']);

/**
 * The preparation part of a conversation's page: the plan at a glance with links to the plan,
 * the printable brief and (once held) the debrief; the checklist when a meeting is set; and the
 * documents to bring.
 */
export function ConversationPreparation({ conversation: c }: { conversation: Conversation }) {
  const plan = useLoad(`plan-summary:${c.id}`, () =>
    call(api.preparation.plans[':id'].$get({ param: { id: c.id } })),
  );
  const [documentsVersion, setDocumentsVersion] = useState(0);
  const held = AFTER_MEETING.has(c.status);
  const p = plan.data;
  const questions = p?.items.filter((i) => i.questionId).length ?? 0;

  return (
    <>
      <section className="card" aria-labelledby="preparation-heading">
        <h2 id="preparation-heading">Plan and debrief</h2>
        {plan.error && <Alert>{plan.error.message}</Alert>}
        {p &&
          (p.items.length === 0 ? (
            <p className="muted">
              No plan yet. A plan keeps the conversation to the time you asked for and ends it on who else to
              talk to.
            </p>
          ) : (
            <p>
              {questions} {questions === 1 ? 'question' : 'questions'} from the bank · {p.totalMinutes} of{' '}
              {p.durationMinutes} minutes planned
              {p.overBy > 0 && <strong className="warning-text"> · {p.overBy} min over</strong>}
            </p>
          ))}
        <div className="actions">
          <Link to={`/conversations/${c.id}/plan`} className={held ? 'button' : 'button button-primary'}>
            {p && p.items.length > 0 ? 'Edit the plan' : 'Plan the conversation'}
          </Link>
          <Link to={`/conversations/${c.id}/brief`} className="button">
            Brief to print
          </Link>
          {held && (
            <Link to={`/conversations/${c.id}/debrief`} className="button button-primary">
              Write the debrief
            </Link>
          )}
        </div>
      </section>
      {c.meeting && !held && (
        <PrepChecklist
          conversationId={c.id}
          refreshKey={`${c.meeting.version}:${c.meeting.startsAt}:${documentsVersion}`}
        />
      )}
      <BringList
        conversationId={c.id}
        participants={c.participants}
        onChanged={() => setDocumentsVersion((n) => n + 1)}
      />
    </>
  );
}
