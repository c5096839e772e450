import { useId } from 'react';
import { CONVERSATION_STATUS_LABELS, type ConversationStatus } from '../../domain/vocab.js';
import type { Conversation } from '../api.js';
import { formatDateTime } from '../ui/format.js';

function label(status: string): string {
  return CONVERSATION_STATUS_LABELS[status as ConversationStatus] ?? status;
}

/** Every status the conversation went through, oldest first. */
export function StatusHistory({ history }: { history: Conversation['history'] }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Status history</h2>
      <ol className="history">
        {history.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <div>
              {h.fromStatus ? (
                <>
                  {label(h.fromStatus)} → <strong>{label(h.toStatus)}</strong>
                </>
              ) : (
                <>
                  Added as <strong>{label(h.toStatus)}</strong>
                </>
              )}
            </div>
            <time className="muted small" dateTime={h.at}>
              {formatDateTime(h.at)}
            </time>
            {h.note && <p className="history-note">{h.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
