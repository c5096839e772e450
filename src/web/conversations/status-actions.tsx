import { useId, useState } from 'react';
import { CONVERSATION_STATUS_LABELS, type ConversationStatus } from '../../domain/vocab.js';
import { api, type Conversation, call, describeError, type Problem } from '../api.js';
import { Alert } from '../ui/alert.js';

interface StatusActionsProps {
  conversation: Conversation;
  onMoved: (conversation: Conversation) => void;
  /** Loads the conversation again after someone else changed it. */
  onReload: () => void;
}

/**
 * One button for each status the server allows next. The server has the last word: when it
 * refuses a move, its reason is shown as it is.
 */
export function StatusActions({ conversation, onMoved, onReload }: StatusActionsProps) {
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<ConversationStatus | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const move = async (to: ConversationStatus) => {
    setBusy(to);
    setProblem(null);
    try {
      const moved = await call(
        api.conversations[':id'].move.$post({
          param: { id: conversation.id },
          json: { to, note: note.trim() || null, version: conversation.version },
        }),
      );
      setNote('');
      onMoved(moved);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(null);
    }
  };

  if (conversation.allowedNext.length === 0) {
    return <p className="muted">This is where the conversation ends up; there is no further status.</p>;
  }

  return (
    <div className="status-actions">
      {problem && (
        <Alert
          actions={
            problem.code === 'stale' ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setProblem(null);
                  onReload();
                }}
              >
                Reload latest
              </button>
            ) : undefined
          }
        >
          {problem.message}
        </Alert>
      )}
      <div className="field">
        <label htmlFor={noteId}>Note about this change (optional)</label>
        <input
          id={noteId}
          value={note}
          placeholder="e.g. Sent the request by e-mail"
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <fieldset className="move-buttons">
        <legend>Move to</legend>
        {conversation.allowedNext.map((to) => (
          <button
            key={to}
            type="button"
            className={`button status-button status-button-${to}`}
            disabled={busy !== null}
            onClick={() => move(to)}
          >
            {CONVERSATION_STATUS_LABELS[to]}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
