interface UndoToastProps {
  text: string;
  /** Turns back what the message reports; without it the message has no Undo button. */
  onUndo?: (() => void) | undefined;
  /** Undo waits while another change is being saved. */
  undoDisabled?: boolean;
  onClose: () => void;
}

/** A short success message at the top of a list, with Undo when the change can be turned back. */
export function UndoToast({ text, onUndo, undoDisabled, onClose }: UndoToastProps) {
  return (
    <div role="status" className="notice notice-success toast">
      <span>{text}</span>
      <span className="actions actions-small">
        {onUndo && (
          <button type="button" className="button button-small" disabled={undoDisabled} onClick={onUndo}>
            Undo
          </button>
        )}
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label="Close this message"
          onClick={onClose}
        >
          ×
        </button>
      </span>
    </div>
  );
}
