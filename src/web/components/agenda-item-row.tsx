import { useId } from 'react';
import { Link } from 'react-router';
import type { AgendaItem } from '../api.js';
import { formatDay, formatInZone } from '../format.js';
import { agendaAction } from '../outreach-links.js';
import { browserTimeZone } from '../zoned-time.js';

export type AgendaAnswer = 'done' | 'snooze' | 'dismiss';

interface AgendaItemRowProps {
  item: AgendaItem;
  /** The user's local date, "2026-03-12". */
  today: string;
  /** The organization of the item's conversation, when known (for "try someone else there"). */
  organizationId?: string | null | undefined;
  busy: boolean;
  onAnswer: (action: AgendaAnswer) => void;
}

function dueText(item: AgendaItem, today: string): string {
  const zone = browserTimeZone();
  if (item.kind === 'meeting' && item.dueAt) return `Starts ${formatInZone(item.dueAt, zone)}`;
  if (item.overdue) {
    return item.dueAt ? `Was due ${formatInZone(item.dueAt, zone)}` : `Was due ${formatDay(item.dueDate)}`;
  }
  if (item.dueAt) return `Send by ${formatInZone(item.dueAt, zone)}`;
  return item.dueDate === today ? 'Due today' : `Due ${formatDay(item.dueDate)}`;
}

/** One thing to do today: what and why, the link that does it, and Done / Snooze / Dismiss. */
export function AgendaItemRow({ item, today, organizationId, busy, onAnswer }: AgendaItemRowProps) {
  const titleId = useId();
  const snoozeHintId = useId();
  const action = agendaAction(item, organizationId);
  return (
    <li className={`agenda-item${item.overdue ? ' agenda-item-overdue' : ''}`}>
      <div className="agenda-main">
        <p className="agenda-title" id={titleId}>
          {item.title}
          {item.overdue && <span className="tag tag-overdue">Overdue</span>}
        </p>
        {item.detail && <p className="muted small agenda-detail">{item.detail}</p>}
        <p className="small agenda-due">{dueText(item, today)}</p>
      </div>
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
    </li>
  );
}
