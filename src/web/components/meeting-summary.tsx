import { MEDIUM_LABELS } from '../../domain/vocab.js';
import type { Conversation } from '../api.js';
import { formatInZone } from '../format.js';
import { browserTimeZone } from '../zoned-time.js';

type Meeting = NonNullable<Conversation['meeting']>;

/** When and how the meeting happens, on the clock where it happens (and the user's, if different). */
export function MeetingSummary({ meeting }: { meeting: Meeting }) {
  const mine = browserTimeZone();
  const there = formatInZone(meeting.startsAt, meeting.timeZone);
  const here = formatInZone(meeting.startsAt, mine);
  return (
    <dl className="details meeting-summary">
      <div>
        <dt>When</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{there}</time> <span className="muted">({meeting.timeZone})</span>
          {mine !== meeting.timeZone && here !== there && (
            <div className="muted small">Your time: {here}</div>
          )}
        </dd>
      </div>
      <div>
        <dt>Length</dt>
        <dd>{meeting.durationMinutes} minutes</dd>
      </div>
      <div>
        <dt>Medium</dt>
        <dd>{MEDIUM_LABELS[meeting.medium]}</dd>
      </div>
      {meeting.place && (
        <div>
          <dt>Place</dt>
          <dd>{meeting.place}</dd>
        </div>
      )}
    </dl>
  );
}
