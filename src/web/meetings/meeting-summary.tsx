import { MEDIUM_LABELS } from '../../domain/vocab.js';
import type { Conversation } from '../api.js';
import { formatWithTheirs } from '../ui/format.js';
import { LinkedText } from '../ui/linked-text.js';

type Meeting = NonNullable<Conversation['meeting']>;

/** When and how the meeting happens: on the user's clock, and the meeting's clock beside it when it differs. */
export function MeetingSummary({ meeting }: { meeting: Meeting }) {
  return (
    <dl className="details meeting-summary">
      <div>
        <dt>When</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{formatWithTheirs(meeting.startsAt, meeting.timeZone)}</time>
          <div className="muted small">Time zone of the meeting: {meeting.timeZone}</div>
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
          <dd>
            <LinkedText text={meeting.place} />
          </dd>
        </div>
      )}
    </dl>
  );
}
