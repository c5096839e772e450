import { useState } from 'react';
import { formatSize } from '../../domain/mail.js';
import { CHANNEL_LABELS, CONVERSATION_STATUS_LABELS, MESSAGE_PURPOSE_LABELS } from '../../domain/vocab.js';
import { api, call, type Message } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDateTime } from '../ui/format.js';
import { DIRECTION_LABELS } from '../ui/labels.js';
import { Loading } from '../ui/loading.js';
import type { Loaded } from '../ui/use-load.js';
import { MessageBody } from './message-body.js';
import { MessageLogForm } from './message-log-form.js';
import { messageAnchor, useFocusedMessage } from './use-focused-message.js';

interface MessageLogProps {
  messages: Loaded<Message[]>;
  /** Who a message can be from or to: the person, or the conversation's participants. */
  people: { id: string; fullName: string }[];
  conversationId?: string;
  /** Called after a message was logged or deleted (e.g. to show the conversation's new status). */
  onChanged?: () => void;
}

/** Messages sent and received, newest first, with a form to log one that happened elsewhere. */
export function MessageLog({ messages, people, conversationId, onChanged }: MessageLogProps) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const names = new Map(people.map((p) => [p.id, p.fullName]));
  const list = messages.data;
  const focused = useFocusedMessage(list?.map((m) => m.id));

  return (
    <section className="card" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages</h2>
      {notice && <Notice tone="success">{notice}</Notice>}
      {open ? (
        <MessageLogForm
          people={people}
          conversationId={conversationId}
          onCancel={() => setOpen(false)}
          onLogged={(status) => {
            setOpen(false);
            setNotice(
              status
                ? `Saved to the log. The conversation is now ${CONVERSATION_STATUS_LABELS[status]}.`
                : 'Saved to the log.',
            );
            messages.reload();
            onChanged?.();
          }}
        />
      ) : (
        <button
          type="button"
          className="button log-toggle"
          onClick={() => {
            setNotice(null);
            setOpen(true);
          }}
        >
          Log a message
        </button>
      )}
      {messages.error && <Alert>{messages.error.message}</Alert>}
      {!list && messages.loading && <Loading what="Loading messages" />}
      {list && list.length === 0 && (
        <p className="muted">
          Nothing logged yet. Requests, replies and thank-yous you log here drive the reminders on Today.
        </p>
      )}
      {list && list.length > 0 && (
        <ul className="messages" aria-label="Message log">
          {list.map((m) => (
            <li
              key={m.id}
              id={messageAnchor(m.id)}
              tabIndex={-1}
              className={`message message-${m.direction}${m.id === focused ? ' message-focused' : ''}`}
            >
              <div className="message-meta">
                <time dateTime={m.at}>{formatDateTime(m.at)}</time>
                <span className={`tag direction-${m.direction}`}>{DIRECTION_LABELS[m.direction]}</span>
                <span>{CHANNEL_LABELS[m.channel]}</span>
                <span>· {MESSAGE_PURPOSE_LABELS[m.purpose]}</span>
                {people.length > 1 && names.has(m.personId) && (
                  <span>
                    · {m.direction === 'in' ? 'from' : 'to'} {names.get(m.personId)}
                  </span>
                )}
              </div>
              <div className="message-row">
                <div className="message-main">
                  <MessageBody
                    key={m.id === focused ? 'focused' : 'log'}
                    message={m}
                    initiallyExpanded={m.id === focused}
                  />
                  {m.attachments.length > 0 && (
                    <p className="small message-attachments">
                      Attached:{' '}
                      {m.attachments.map((a, i) => (
                        <span key={`${a.fileName}-${i}`}>
                          {i > 0 && ', '}
                          {a.documentId ? (
                            <a href={`/api/documents/${a.documentId}/file`} download={a.fileName}>
                              {a.fileName}
                            </a>
                          ) : (
                            a.fileName
                          )}{' '}
                          <span className="muted">({formatSize(a.sizeBytes)})</span>
                        </span>
                      ))}
                    </p>
                  )}
                </div>
                <ConfirmButton
                  small
                  label="Delete entry"
                  question="Delete this log entry?"
                  detail={
                    <p>
                      Only the entry in Rapport goes; any status change it caused stays in the conversation's
                      history.
                    </p>
                  }
                  confirmLabel="Delete the entry"
                  onConfirm={async () => {
                    await call(api.messages[':id'].$delete({ param: { id: m.id } }));
                    messages.reload();
                    onChanged?.();
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
