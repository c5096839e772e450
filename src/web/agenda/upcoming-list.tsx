import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AgendaItem } from '../api.js';
import { formatWeekDay } from '../ui/format-week-day.js';
import { AGENDA_KIND_LABELS } from '../ui/labels.js';
import './upcoming.css';

/** Where an item coming up is looked at: its conversation, else its person. */
function itemLink(item: AgendaItem): string | null {
  if (item.conversationId) return `/conversations/${item.conversationId}`;
  if (item.personId) return `/people/${item.personId}`;
  return null;
}

/** Short names of each kind, for the line under an item coming up. */
const KIND_NAMES: Partial<Record<AgendaItem['kind'], string>> = {
  meeting: 'Meeting',
  confirm_meeting: 'Confirm the meeting',
  follow_up: 'Follow-up, if no answer by then',
  second_contact: 'Second contact, if no answer by then',
  report_back: 'Report back',
  task: 'Task',
  keep_in_touch: 'Keep in touch',
};

/**
 * What falls due in the week after today, by day: nothing to do yet, but the user sees it coming
 * (a follow-up on Tuesday, Thursday's meeting to confirm on Wednesday).
 */
export function UpcomingList({ items, footer }: { items: AgendaItem[]; footer?: ReactNode }) {
  if (items.length === 0) return null;
  const days = [...new Set(items.map((i) => i.dueDate))];
  return (
    <section className="card upcoming" aria-labelledby="coming-up-heading">
      <h2 id="coming-up-heading">Coming up this week</h2>
      <div id="agenda-list-upcoming">
        {days.map((day) => (
          <section key={day} className="upcoming-day" aria-label={formatWeekDay(day)}>
            <h3>
              <time dateTime={day}>{formatWeekDay(day)}</time>
            </h3>
            <ul className="upcoming-list">
              {items
                .filter((i) => i.dueDate === day)
                .map((item) => {
                  const to = itemLink(item);
                  return (
                    <li key={item.key} data-key={item.key}>
                      {to ? <Link to={to}>{item.title}</Link> : item.title}
                      <span className="muted small">
                        {' · '}
                        {KIND_NAMES[item.kind] ?? AGENDA_KIND_LABELS[item.kind]}
                      </span>
                    </li>
                  );
                })}
            </ul>
          </section>
        ))}
      </div>
      {footer}
    </section>
  );
}
