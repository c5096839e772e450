import { useId } from 'react';
import { Link } from 'react-router';
import type { TimelineEntry } from '../api.js';
import { Alert } from '../ui/alert.js';
import { formatDateTime } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { Markdown } from '../ui/markdown.js';

const KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  note: 'Note',
  status: 'Status',
  introduction: 'Introduction',
};

function EntryTitle({ entry }: { entry: TimelineEntry }) {
  if (entry.conversationId) return <Link to={`/conversations/${entry.conversationId}`}>{entry.title}</Link>;
  if (entry.kind === 'introduction' && entry.personId) {
    return <Link to={`/people/${entry.personId}`}>{entry.title}</Link>;
  }
  return <>{entry.title}</>;
}

interface TimelineProps {
  entries: TimelineEntry[] | undefined;
  loading: boolean;
  error: string | null;
  /** What an empty timeline means here. */
  emptyText: string;
}

/** Everything that happened, newest first: status changes, notes and introductions. */
export function Timeline({ entries, loading, error, emptyText }: TimelineProps) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Timeline</h2>
      {error && <Alert>{error}</Alert>}
      {loading && !entries && <Loading what="Loading the timeline" />}
      {entries && entries.length === 0 && <p className="muted">{emptyText}</p>}
      {entries && entries.length > 0 && (
        <ol className="timeline">
          {entries.map((e, i) => (
            <li key={`${e.at}-${e.noteId ?? e.conversationId ?? ''}-${i}`} className={`timeline-${e.kind}`}>
              <div className="timeline-meta">
                <span className="tag">{KIND_LABELS[e.kind]}</span>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </div>
              {e.title !== KIND_LABELS[e.kind] && (
                <p className="timeline-title">
                  <EntryTitle entry={e} />
                </p>
              )}
              {e.body &&
                (e.kind === 'note' ? <Markdown text={e.body} /> : <p className="timeline-body">{e.body}</p>)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
