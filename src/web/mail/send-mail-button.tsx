import { useId, useRef, useState } from 'react';
import { describeError } from '../api.js';
import { Alert } from '../ui/alert.js';

interface SendMailButtonProps {
  /** The connected mailbox the message goes out from. */
  from: string;
  recipientName: string;
  email: string;
  subject: string;
  /** File names of the documents attached. */
  attachments?: string[];
  disabled: boolean;
  /** Sends; throws when the server refused, so the dialog says why. */
  onSend: () => Promise<void>;
}

/**
 * "Send": nothing leaves before the user confirms, in a dialog that names the recipient and
 * defaults to Cancel. A failed send says why and keeps the draft as it is.
 */
export function SendMailButton({
  from,
  recipientName,
  email,
  subject,
  attachments = [],
  disabled,
  onSend,
}: SendMailButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSend();
      dialog.current?.close();
    } catch (err) {
      setError(`Not sent: ${describeError(err).message} Your draft is kept.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button-primary"
        disabled={disabled}
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
          cancel.current?.focus();
        }}
      >
        Send
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="confirm-dialog">
        <h2 id={titleId}>
          Send to {recipientName} &lt;{email}&gt;?
        </h2>
        <div className="dialog-detail">
          <p>
            It goes out now from {from}, with the subject “{subject.trim()}”, and is logged at once.
          </p>
          {attachments.length > 0 && <p>Attached: {attachments.join(', ')}.</p>}
        </div>
        {error && <Alert>{error}</Alert>}
        <div className="actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={send}>
            {busy ? 'Sending…' : 'Send now'}
          </button>
          <button ref={cancel} type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
