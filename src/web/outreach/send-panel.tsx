import { useState } from 'react';
import { Link } from 'react-router';
import { attachmentProblem } from '../../domain/mail.js';
import { CONVERSATION_STATUS_LABELS, type ConversationStatus } from '../../domain/vocab.js';
import { describeError } from '../api.js';
import { AttachmentPicker, type PickedDocument } from '../mail/attachment-picker.js';
import { SendMailButton } from '../mail/send-mail-button.js';
import { Alert, Notice } from '../ui/alert.js';
import { mailtoHref } from './outreach-links.js';

interface SendPanelProps {
  recipientName: string;
  email: string | null;
  subject: string;
  body: string;
  conversationId: string | null;
  /** Logs the message as sent; returns the status the conversation moved to, if any. */
  onLog: () => Promise<ConversationStatus | null>;
  /** The connected mailbox, when Rapport can send the message itself. */
  sendFrom?: string;
  /** Sends through the mailbox and logs the message. */
  onSend?: () => Promise<{ statusChangedTo: ConversationStatus | null; savedToSent: boolean }>;
  /** Documents from the library to send with it (only when Rapport sends it). */
  attachments?: PickedDocument[];
  onAttachments?: (attachments: PickedDocument[]) => void;
}

/** A merge field the template could not fill, e.g. "{{school}}". */
const BLANK = /\{\{\s*[A-Za-z]\w*\s*\}\}/;

interface Logged {
  statusChangedTo: ConversationStatus | null;
  /** Set when Rapport sent it: whether the copy reached the Sent folder. */
  savedToSent?: boolean;
}

/**
 * Sends the draft through the connected mailbox after a confirm, or hands it to the user's e-mail
 * program or clipboard and then asks whether it went out, since then the log only knows what the
 * user tells it.
 */
export function SendPanel({
  recipientName,
  email,
  subject,
  body,
  conversationId,
  onLog,
  sendFrom,
  onSend,
  attachments = [],
  onAttachments,
}: SendPanelProps) {
  const [asking, setAsking] = useState<string | null>(null);
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState<Logged | null>(null);
  const [error, setError] = useState<string | null>(null);
  const empty = body.trim() === '';

  const log = async () => {
    setLogging(true);
    setError(null);
    try {
      const statusChangedTo = await onLog();
      setLogged({ statusChangedTo });
      setAsking(null);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setLogging(false);
    }
  };

  const copy = async () => {
    setError(null);
    try {
      await navigator.clipboard.writeText(body);
      setAsking('Copied the message. Paste it where you want to send it.');
    } catch {
      setError('The browser did not allow copying. Select the message text and copy it by hand.');
    }
  };

  if (logged) {
    return (
      <Notice tone="success">
        <p>
          {logged.savedToSent === undefined
            ? `Logged as sent to ${recipientName}.`
            : `Sent to ${recipientName} from ${sendFrom} and logged.`}
          {logged.statusChangedTo &&
            ` The conversation is now ${CONVERSATION_STATUS_LABELS[logged.statusChangedTo]}.`}
        </p>
        {logged.savedToSent === false && (
          <p>The message went out, but a copy could not be put in your Sent folder.</p>
        )}
        <p className="actions">
          {conversationId && <Link to={`/conversations/${conversationId}`}>Back to the conversation</Link>}
          <Link to="/">Back to Today</Link>
        </p>
      </Notice>
    );
  }

  return (
    <div className="send-panel">
      {error && <Alert>{error}</Alert>}
      {sendFrom && onSend && email && onAttachments && (
        <AttachmentPicker selected={attachments} onChange={onAttachments} />
      )}
      <div className="actions">
        {sendFrom && onSend && email && (
          <SendMailButton
            from={sendFrom}
            recipientName={recipientName}
            email={email}
            subject={subject}
            attachments={attachments.map((a) => a.fileName)}
            disabled={empty || subject.trim() === '' || attachmentProblem(attachments) !== null}
            onSend={async () => setLogged(await onSend())}
          />
        )}
        <a
          className={`button ${sendFrom && onSend && email ? '' : 'button-primary'}${empty ? ' button-disabled' : ''}`}
          href={mailtoHref(email, subject, body)}
          aria-disabled={empty || undefined}
          onClick={(e) => {
            if (empty) {
              e.preventDefault();
              return;
            }
            setAsking('Your e-mail program should have opened with this message.');
          }}
        >
          Open in e-mail
        </a>
        <button type="button" className="button" disabled={empty} onClick={copy}>
          Copy text
        </button>
        <button type="button" className="button" disabled={empty || logging} onClick={log}>
          {logging ? 'Logging…' : 'Log as sent'}
        </button>
      </div>
      {BLANK.test(`${subject}\n${body}`) && (
        <p className="hint hint-warning">
          The text still has blanks marked with {'{{ }}'}. Fill them in before it goes out.
        </p>
      )}
      {sendFrom && onSend && email && !empty && subject.trim() === '' && (
        <p className="hint">Add a subject to send it from {sendFrom}.</p>
      )}
      {!email && (
        <p className="hint">No e-mail address is saved for {recipientName}; add it in the e-mail.</p>
      )}
      {asking && (
        <fieldset className="send-question">
          <legend>Did you send it?</legend>
          <p className="muted small">{asking}</p>
          <div className="actions">
            <button type="button" className="button button-primary" disabled={logging} onClick={log}>
              Yes, log it as sent
            </button>
            <button type="button" className="button button-quiet" onClick={() => setAsking(null)}>
              Not yet
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
