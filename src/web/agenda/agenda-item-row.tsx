import { useId } from 'react';
import { Link } from 'react-router';
import type { AgendaItem } from '../api.js';
import { agendaAction, composeUrl } from '../outreach/outreach-links.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDateTime, formatDay } from '../ui/format.js';
import { LinkedText } from '../ui/linked-text.js';

export type AgendaAnswer = 'done' | 'snooze' | 'dismiss';
/** What the user says happened to a meeting that is over; Moved goes to the reschedule form. */
export type MeetingAnswer = 'held' | 'cancelled';

interface AgendaItemRowProps {
  item: AgendaItem;
  /** The user's local date, "2026-03-12". */
  today: string;
  /** The organization of the item's conversation, when known (for "try someone else there"). */
  organizationId?: string | null | undefined;
  busy: boolean;
  onAnswer: (action: AgendaAnswer) => void;
  /** Answers "Did your meeting happen?"; rejects with the server's reason when it refuses. */
  onMeetingAnswer: (answer: MeetingAnswer) => Promise<void>;
}

function dueText(item: AgendaItem, today: string): string {
  if (item.kind === 'meeting' && item.dueAt) return `Starts ${formatDateTime(item.dueAt)}`;
  if (item.kind === 'meeting_outcome' && item.dueAt) return `Ended ${formatDateTime(item.dueAt)}`;
  if (item.overdue) {
    return item.dueAt ? `Was due ${formatDateTime(item.dueAt)}` : `Was due ${formatDay(item.dueDate)}`;
  }
  if (item.dueAt) return `Send by ${formatDateTime(item.dueAt)}`;
  return item.dueDate === today ? 'Due today' : `Due ${formatDay(item.dueDate)}`;
}

/**
 * One thing to do today: what and why, the link that does it, and Done / Snooze / Dismiss. A
 * meeting that is over asks instead whether it was held, moved or cancelled, and stays until told.
 */
export function AgendaItemRow({
  item,
  today,
  organizationId,
  busy,
  onAnswer,
  onMeetingAnswer,
}: AgendaItemRowProps) {
  const titleId = useId();
  const action = agendaAction(item, organizationId);
  return (
    <li className={`agenda-item${item.overdue ? ' agenda-item-overdue' : ''}`} data-key={item.key}>
      <div className="agenda-main">
        <p className="agenda-title" id={titleId}>
          {item.title}
          {item.overdue && <span className="tag tag-overdue">Overdue</span>}
        </p>
        {item.detail && (
          <p className="muted small agenda-detail">
            <LinkedText text={item.detail} />
          </p>
        )}
        {item.kind === 'reconnect' && item.people.length > 0 && (
          <ul className="agenda-people">
            {item.people.map((p) => (
              <li key={p.id}>
                <Link to={`/people/${p.id}`}>{p.fullName}</Link>
                {' · '}
                <Link
                  to={composeUrl({ personId: p.id, purpose: 'keep_in_touch' })}
                  aria-label={`Write to ${p.fullName}`}
                >
                  Write
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="small agenda-due">{dueText(item, today)}</p>
      </div>
      {item.kind === 'meeting_outcome' && item.conversationId ? (
        <MeetingAnswers
          item={item}
          conversationId={item.conversationId}
          busy={busy}
          onAnswer={onMeetingAnswer}
        />
      ) : (
        <ReminderAnswers titleId={titleId} action={action} busy={busy} onAnswer={onAnswer} />
      )}
    </li>
  );
}

function MeetingAnswers({
  item,
  conversationId,
  busy,
  onAnswer,
}: {
  item: AgendaItem;
  conversationId: string;
  busy: boolean;
  onAnswer: (answer: MeetingAnswer) => Promise<void>;
}) {
  const names = item.people.map((p) => p.fullName).join(', ') || 'them';
  return (
    <div className="actions actions-small agenda-actions">
      <button
        type="button"
        className="button button-primary button-small"
        disabled={busy}
        aria-label={`Held: the meeting with ${names} took place`}
        // The panel shows the server's reason when it refuses.
        onClick={() => void onAnswer('held').catch(() => {})}
      >
        Held
      </button>
      <Link
        to={`/conversations/${conversationId}?reschedule=1`}
        className="button button-small"
        aria-label={`Moved: give the meeting with ${names} its new time`}
      >
        Moved
      </Link>
      <ConfirmButton
        small
        label="Cancelled"
        question={`Mark the meeting with ${names} as cancelled?`}
        detail={
          <p>
            The conversation moves to Cancelled and no thank-you is suggested. You can reopen it as an idea
            later.
          </p>
        }
        confirmLabel="Yes, it was cancelled"
        busyLabel="Saving…"
        onConfirm={() => onAnswer('cancelled')}
      />
    </div>
  );
}

function ReminderAnswers({
  titleId,
  action,
  busy,
  onAnswer,
}: {
  titleId: string;
  action: ReturnType<typeof agendaAction>;
  busy: boolean;
  onAnswer: (action: AgendaAnswer) => void;
}) {
  const snoozeHintId = useId();
  return (
    <div className="actions actions-small agenda-actions">
      {action && (
        <Link to={action.to} className="button button-primary button-small">
          {action.label}
        </Link>
      )}
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        aria-describedby={titleId}
        onClick={() => onAnswer('done')}
      >
        Done
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        title="Hide it until tomorrow"
        aria-describedby={`${snoozeHintId} ${titleId}`}
        onClick={() => onAnswer('snooze')}
      >
        Snooze
      </button>
      <span id={snoozeHintId} className="visually-hidden">
        until tomorrow
      </span>
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={busy}
        aria-describedby={titleId}
        onClick={() => onAnswer('dismiss')}
      >
        Dismiss
      </button>
    </div>
  );
}
