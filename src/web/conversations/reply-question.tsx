import { useId, useState } from 'react';
import { api, type Conversation, call, describeError } from '../api.js';
import { messageAnchor } from '../outreach/use-focused-message.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDate } from '../ui/format.js';

/**
 * After a reply read from the mailbox (sync or import): "Did they agree to talk?". Only the user
 * knows what it said. Yes moves the request to Accepted; no, after a confirm, to Declined.
 */
export function ReplyQuestion({
  conversation: c,
  onAnswered,
}: {
  conversation: Conversation;
  onAnswered: (conversation: Conversation) => void;
}) {
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reply = c.replyToAnswer;
  if (!reply) return null;
  const name = reply.personName ?? 'They';

  const answer = async (to: 'yes' | 'no') => {
    const next = await call(
      api.conversations[':id']['reply-answer'].$post({
        param: { id: c.id },
        json: { answer: to, version: c.version },
      }),
    );
    onAnswered(next);
  };

  return (
    <section className="notice notice-info reply-question" aria-labelledby={headingId}>
      <h3 id={headingId}>Did {reply.personName ?? 'they'} agree to talk?</h3>
      <p>
        {name} replied on <time dateTime={reply.at}>{formatDate(reply.at)}</time> (read from your mailbox).
        {reply.messageLogId && (
          <>
            {' '}
            <a href={`#${messageAnchor(reply.messageLogId)}`}>
              Read the reply{reply.subject ? `: ${reply.subject}` : ''}
            </a>
          </>
        )}
      </p>
      {error && <Alert>{error}</Alert>}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await answer('yes');
            } catch (err) {
              setError(describeError(err).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          Yes, they agreed
        </button>
        <ConfirmButton
          label="No, they declined"
          question={`Mark the request to ${name === 'They' ? 'them' : name} as declined?`}
          detail={
            <p>
              The conversation moves to Declined and no follow-up is suggested. You can reopen it as an idea
              later.
            </p>
          }
          confirmLabel="Yes, they declined"
          busyLabel="Saving…"
          onConfirm={() => answer('no')}
        />
      </div>
    </section>
  );
}
