import { useState } from 'react';
import { Link } from 'react-router';
import { MAIL_PRESETS, type MailProvider } from '../../domain/mail.js';
import { describeError } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { formatDateTime } from '../ui/format.js';
import { Loading } from '../ui/loading.js';
import { PageHeader } from '../ui/page-header.js';
import { useLoad } from '../ui/use-load.js';
import {
  disconnectMailbox,
  loadMailStatus,
  type MailStatus,
  type MailSyncProgress,
  syncMailbox,
} from './mail-api.js';
import { MailConnectForm } from './mail-connect-form.js';
import { MailImport } from './mail-import.js';
import './mail.css';

const FOLDER_LABELS = { inbox: 'Inbox', sent: 'Sent' } as const;

/** Settings → Mail: connect a mailbox, see how its sync stands, sync now, disconnect. */
export function MailPage() {
  const status = useLoad('mail-status', loadMailStatus);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title="Mail"
        eyebrow={<Link to="/settings">← Settings</Link>}
        subtitle="Send from Rapport and let your mailbox keep the log of requests, replies and thank-yous."
      />
      {status.error && <Alert>{status.error.message}</Alert>}
      {!status.data && status.loading && <Loading what="Loading the mailbox" />}
      {notice && <Notice tone="success">{notice}</Notice>}
      {status.data &&
        (status.data.connected && !editing ? (
          <MailboxPanel
            status={status.data}
            onChange={() => setEditing(true)}
            onSynced={(s, text) => {
              status.setData(s);
              setNotice(text);
            }}
            onDisconnected={(text) => {
              setNotice(text);
              status.reload();
            }}
          />
        ) : (
          <section className="card" aria-labelledby="mail-connect-heading">
            <h2 id="mail-connect-heading">
              {status.data.connected ? 'Change the mailbox' : 'Connect a mailbox'}
            </h2>
            {!status.data.connected && (
              <p>
                Rapport reads your Inbox and Sent folders over IMAP and sends over SMTP, straight from this
                computer: no other service sits in between. It keeps only mail to or from people you have
                added.
              </p>
            )}
            <MailConnectForm
              current={status.data.connected ? status.data : null}
              onConnected={(s) => {
                status.setData(s);
                setEditing(false);
                setNotice(`Connected ${s.address}. The connection test passed.`);
              }}
              {...(status.data.connected ? { onCancel: () => setEditing(false) } : {})}
            />
          </section>
        ))}
      <MailImport />
    </>
  );
}

function providerName(provider: string | null): string {
  if (!provider || provider === 'custom') return 'Own server';
  return MAIL_PRESETS[provider as Exclude<MailProvider, 'custom'>]?.label ?? provider;
}

/** The connected mailbox: what it is, how its sync stands, and what can be done with it. */
function MailboxPanel({
  status,
  onChange,
  onSynced,
  onDisconnected,
}: {
  status: MailStatus;
  onChange: () => void;
  onSynced: (status: MailStatus, notice: string) => void;
  onDisconnected: (notice: string) => void;
}) {
  const [syncing, setSyncing] = useState(false);
  const [progress, setProgress] = useState<MailSyncProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [forget, setForget] = useState(false);
  const s = status.servers;
  const logged = status.counts.received + status.counts.sent;

  const sync = async () => {
    setSyncing(true);
    setError(null);
    setProgress(null);
    try {
      const report = await syncMailbox(setProgress);
      const next = await loadMailStatus();
      const said =
        report.stored === 0
          ? 'Sync finished: nothing new with your people.'
          : `Sync finished: ${report.stored} new ${report.stored === 1 ? 'message' : 'messages'} logged.`;
      // A folder that could not be read is said too; the other folder was read all the same.
      onSynced(next, [said, ...report.problems].join(' '));
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setSyncing(false);
      setProgress(null);
    }
  };

  return (
    <section className="card" aria-labelledby="mailbox-heading">
      <h2 id="mailbox-heading">Connected mailbox</h2>
      <dl className="details mail-details">
        <div>
          <dt>Address</dt>
          <dd>{status.address}</dd>
        </div>
        <div>
          <dt>Provider</dt>
          <dd>{providerName(status.provider)}</dd>
        </div>
        {s && (
          <div>
            <dt>Servers</dt>
            <dd>
              IMAP {s.imapHost}:{s.imapPort}, SMTP {s.smtpHost}:{s.smtpPort}
            </dd>
          </div>
        )}
        <div>
          <dt>Last sync</dt>
          <dd>{status.lastSyncAt ? formatDateTime(status.lastSyncAt) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Messages from mail</dt>
          <dd>
            {status.counts.received} received, {status.counts.sent} sent
          </dd>
        </div>
      </dl>
      {status.lastSyncError && (
        <Alert tone="warning">
          <p>
            <strong>The last sync did not finish.</strong> {status.lastSyncError}
          </p>
        </Alert>
      )}
      {error && <Alert>{error}</Alert>}
      {syncing && (
        <div role="status" className="mail-sync-progress">
          {progress && progress.total > 0 ? (
            <>
              <progress aria-label="Sync progress" max={progress.total} value={progress.done} /> Read{' '}
              {progress.done} of {progress.total} messages
              {progress.folder ? ` in ${FOLDER_LABELS[progress.folder]}` : ''}
            </>
          ) : (
            <>
              <progress aria-label="Sync progress" /> Looking for mail with your people…
            </>
          )}
        </div>
      )}
      <p className="muted small">
        Rapport syncs every five minutes while it runs. The first sync reads the last{' '}
        {status.firstSyncDays ?? 365} days.
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={syncing} onClick={sync}>
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" className="button" onClick={onChange}>
          Change settings
        </button>
        <ConfirmButton
          label="Disconnect"
          question={`Disconnect ${status.address}?`}
          detail={
            <>
              <p>Rapport forgets the password and stops reading and sending from this mailbox.</p>
              <label className="check">
                <input type="checkbox" checked={forget} onChange={(e) => setForget(e.target.checked)} /> Also
                delete the {logged} {logged === 1 ? 'message' : 'messages'} logged from mail
              </label>
              <p className="muted small">
                {forget
                  ? 'They are removed from every conversation; the mailbox itself is not touched.'
                  : 'They stay in your conversations; nothing is read from the mailbox any more.'}
              </p>
            </>
          }
          confirmLabel="Disconnect"
          busyLabel="Disconnecting…"
          onConfirm={async () => {
            const r = await disconnectMailbox(forget);
            onDisconnected(
              forget
                ? `Disconnected. ${r.removedMessages} logged ${r.removedMessages === 1 ? 'message was' : 'messages were'} deleted.`
                : 'Disconnected. The messages logged from mail stay in your conversations.',
            );
          }}
        />
      </div>
    </section>
  );
}
