import { type FormEvent, useState } from 'react';
import { isCoaching } from '../accounts/coach-workspace.js';
import { api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { Field } from '../ui/field.js';
import { formatDateTime } from '../ui/format.js';
import { useLoad } from '../ui/use-load.js';

/**
 * Comments on a conversation, with who wrote each and when: the owner and their coaches (hosted
 * mode) both add them; the owner may delete any.
 */
export function CommentsPanel({ conversationId }: { conversationId: string }) {
  const comments = useLoad(`comments-${conversationId}`, () =>
    call(api.conversations[':id'].comments.$get({ param: { id: conversationId } })),
  );
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const coaching = isCoaching();

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await call(
        api.conversations[':id'].comments.$post({ param: { id: conversationId }, json: { body: text } }),
      );
      setText('');
      comments.reload();
    } catch (err) {
      const problem = describeError(err);
      setError(problem.fieldErrors.body ?? problem.message);
    } finally {
      setBusy(false);
    }
  };

  const list = comments.data ?? [];
  return (
    <section className="card" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {comments.error && <Alert>{comments.error.message}</Alert>}
      {comments.data && list.length === 0 && <p className="muted">No comments yet.</p>}
      {list.length > 0 && (
        <ul className="feeds" aria-label="Comments">
          {list.map((c) => (
            <li key={c.id} className="comment">
              <div className="comment-meta small">
                <strong>{c.authorName}</strong>
                {c.authorRole === 'coach' && <span className="tag">Coach</span>}
                <span className="muted">{formatDateTime(c.createdAt)}</span>
                {!coaching && (
                  <ConfirmButton
                    small
                    label="Delete"
                    question="Delete this comment?"
                    detail={<p>“{c.body}” is deleted for good.</p>}
                    confirmLabel="Delete comment"
                    onConfirm={async () => {
                      await call(
                        api.conversations[':id'].comments[':commentId'].$delete({
                          param: { id: conversationId, commentId: c.id },
                        }),
                      );
                      comments.reload();
                    }}
                  />
                )}
              </div>
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={add} noValidate aria-label="Add a comment">
        <Field label="Comment" error={error}>
          {(control) => (
            <textarea {...control} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !text.trim()}>
            {busy ? 'Adding…' : 'Add comment'}
          </button>
        </div>
      </form>
    </section>
  );
}
