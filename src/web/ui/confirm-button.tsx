import { type ReactNode, useId, useRef, useState } from 'react';
import { describeError } from '../api.js';
import { Alert } from './alert.js';

interface ConfirmButtonProps {
  /** The button's text, e.g. "Delete". */
  label: string;
  /** The question the dialog asks, e.g. "Delete Maya Okafor?". */
  question: string;
  /** What will be lost, in a sentence or two. */
  detail?: ReactNode;
  /** The text of the button that goes ahead, e.g. "Delete person". */
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  small?: boolean;
  /** The confirming button's text while it works, e.g. "Revoking…". */
  busyLabel?: string;
}

/** A destructive action that asks first, in a modal dialog that defaults to Cancel. */
export function ConfirmButton({
  label,
  question,
  detail,
  confirmLabel,
  onConfirm,
  small,
  busyLabel = 'Deleting…',
}: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={`button button-danger-quiet${small ? ' button-small' : ''}`}
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
          // showModal() focuses the first button, the destructive one; Enter must not confirm.
          cancel.current?.focus();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="confirm-dialog">
        <h2 id={titleId}>{question}</h2>
        {detail && <div className="dialog-detail">{detail}</div>}
        {error && <Alert>{error}</Alert>}
        <div className="actions">
          <button type="button" className="button button-danger" disabled={busy} onClick={confirm}>
            {busy ? busyLabel : confirmLabel}
          </button>
          <button ref={cancel} type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
