import { useState } from 'react';
import { isCoaching } from '../accounts/coach-workspace.js';
import { api, call, describeError, type Task } from '../api.js';
import { Alert } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';

/**
 * "Suggested by <coach>" on a task a coach suggested (hosted mode), with Accept and Dismiss for the
 * owner while it waits for an answer. Accepted, it stays as one of the owner's tasks.
 */
export function TaskSuggestion({ task, onChanged }: { task: Task; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!task.suggestedBy) return null;
  const pending = !task.acceptedAt && !isCoaching();
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(api.tasks[':id'].accept.$post({ param: { id: task.id } }));
      onChanged();
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="task-suggestion small">
      <span className="tag">Suggested by {task.suggestedBy}</span>
      {pending && (
        <>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            aria-label={`Accept “${task.title}”`}
            onClick={() => void accept()}
          >
            Accept
          </button>
          <ConfirmButton
            small
            label="Dismiss"
            question="Dismiss this suggestion?"
            detail={<p>“{task.title}” is removed from your tasks.</p>}
            confirmLabel="Dismiss suggestion"
            busyLabel="Dismissing…"
            onConfirm={async () => {
              await call(api.tasks[':id'].$delete({ param: { id: task.id } }));
              onChanged();
            }}
          />
        </>
      )}
      {error && <Alert>{error}</Alert>}
    </span>
  );
}
