import { Link } from 'react-router';
import { thankYouDueAt } from '../../domain/after-meeting.js';
import { meetingEnd } from '../../domain/meeting-rules.js';
import type { Conversation, Message } from '../api.js';
import { composeUrl } from '../outreach/outreach-links.js';
import { formatDateTime } from '../ui/format.js';

interface ThankYouPanelProps {
  conversation: Conversation;
  messages: Message[] | undefined;
}

/** After the meeting: a thank-you to each person met, within a day, and whether it went out. */
export function ThankYouPanel({ conversation: c, messages }: ThankYouPanelProps) {
  const meeting = c.meeting;
  const start = meeting ? new Date(meeting.startsAt) : null;
  const due = meeting && start ? thankYouDueAt(meetingEnd(start, meeting.durationMinutes)) : null;
  const sentTo = (personId: string) =>
    messages?.find(
      (m) =>
        m.personId === personId &&
        m.direction === 'out' &&
        m.purpose === 'thank_you' &&
        (!start || new Date(m.at) >= start),
    );

  return (
    <section className="card" aria-labelledby="thank-you-heading">
      <h2 id="thank-you-heading">Thank-you notes</h2>
      <p className="muted">
        Write to each person within a day: one specific thing they said, what you will do with it, and thanks.
      </p>
      <ul className="thank-yous">
        {c.participants.map((p) => {
          const sent = sentTo(p.id);
          return (
            <li key={p.id} className="thank-you">
              <span className="strong">{p.fullName}</span>
              {sent ? (
                <span className="tag tag-working">Thanked {formatDateTime(sent.at)}</span>
              ) : (
                <>
                  {due && (
                    <span className="muted small">
                      due by <time dateTime={due.toISOString()}>{formatDateTime(due)}</time>
                    </span>
                  )}
                  <Link
                    to={composeUrl({ personId: p.id, conversationId: c.id, purpose: 'thank_you' })}
                    className="button button-primary button-small"
                    aria-label={`Write thank-you to ${p.fullName}`}
                  >
                    Write thank-you
                  </Link>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
