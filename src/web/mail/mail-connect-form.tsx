import { type FormEvent, useState } from 'react';
import {
  MAIL_PRESETS,
  MAIL_PROVIDERS,
  MAIL_SECURITIES,
  type MailProvider,
  type MailSecurity,
} from '../../domain/mail.js';
import { describeError, type Problem } from '../api.js';
import { Alert } from '../ui/alert.js';
import { Field } from '../ui/field.js';
import { connectMailbox, type MailConnect, type MailStatus } from './mail-api.js';

const SECURITY_LABELS: Record<MailSecurity, string> = {
  tls: 'TLS (usually port 993 or 465)',
  starttls: 'STARTTLS (usually port 143 or 587)',
  none: 'None (only for a server on this machine)',
};

/** Where each provider makes the app password, in the user's words. */
const PASSWORD_HINTS: Record<MailProvider, string> = {
  gmail:
    'Not your Google password: turn on 2-Step Verification, then make an app password at myaccount.google.com/apppasswords and paste its 16 letters here.',
  outlook:
    'An app password from account.microsoft.com → Security → Advanced security options (needs two-step verification); a work account may need its administrator to allow IMAP.',
  icloud: 'An app-specific password from account.apple.com → Sign-In and Security → App-Specific Passwords.',
  fastmail: 'An app password from Fastmail → Settings → Privacy & Security → Manage app passwords.',
  custom: 'The password for this mailbox (an app password where the provider offers one).',
};

const STEP_LABELS: Record<string, string> = {
  dns: 'Finding the server (DNS)',
  connect: 'Reaching the server',
  tls: 'Encryption (TLS)',
  login: 'Signing in',
  folder: 'Finding the folders',
};

interface Servers {
  imapHost: string;
  imapPort: string;
  imapSecurity: MailSecurity;
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: MailSecurity;
}

/** One server's host, port and encryption: IMAP for reading, SMTP for sending. */
function ServerFields({
  protocol,
  servers,
  errors,
  onChange,
}: {
  protocol: 'imap' | 'smtp';
  servers: Servers;
  errors: Record<string, string | undefined>;
  onChange: (key: keyof Servers, value: string) => void;
}) {
  const name = protocol.toUpperCase();
  const host = `${protocol}Host` as const;
  const port = `${protocol}Port` as const;
  const security = `${protocol}Security` as const;
  return (
    <>
      <Field label={`${name} server (${protocol === 'imap' ? 'reading' : 'sending'})`} error={errors[host]}>
        {(c) => (
          <input
            {...c}
            autoComplete="off"
            value={servers[host]}
            onChange={(e) => onChange(host, e.target.value)}
          />
        )}
      </Field>
      <Field label={`${name} port`} error={errors[port]}>
        {(c) => (
          <input
            {...c}
            type="number"
            inputMode="numeric"
            value={servers[port]}
            onChange={(e) => onChange(port, e.target.value)}
          />
        )}
      </Field>
      <Field label={`${name} encryption`}>
        {(c) => (
          <select {...c} value={servers[security]} onChange={(e) => onChange(security, e.target.value)}>
            {MAIL_SECURITIES.map((s) => (
              <option key={s} value={s}>
                {SECURITY_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

function providerLabel(p: MailProvider): string {
  return p === 'custom' ? 'Another server' : MAIL_PRESETS[p].label;
}

/**
 * Chooses a provider (or another server), takes the address and app password, and tests the
 * mailbox before saving. The password field always starts empty: the server never sends it back.
 */
export function MailConnectForm({
  current,
  onConnected,
  onCancel,
}: {
  /** The connected mailbox, when its settings are being changed. */
  current: MailStatus | null;
  onConnected: (status: MailStatus) => void;
  onCancel?: () => void;
}) {
  const [provider, setProvider] = useState<MailProvider>(
    (MAIL_PROVIDERS as readonly string[]).includes(current?.provider ?? '')
      ? (current!.provider as MailProvider)
      : 'gmail',
  );
  const [address, setAddress] = useState(current?.address ?? '');
  const [secret, setSecret] = useState('');
  const [servers, setServers] = useState<Servers>(() => {
    const s = current?.servers;
    return {
      imapHost: s?.imapHost ?? '',
      imapPort: String(s?.imapPort ?? 993),
      imapSecurity: s?.imapSecurity ?? 'tls',
      smtpHost: s?.smtpHost ?? '',
      smtpPort: String(s?.smtpPort ?? 465),
      smtpSecurity: s?.smtpSecurity ?? 'tls',
    };
  });
  const [username, setUsername] = useState(
    current?.username && current.username !== current.address ? current.username : '',
  );
  const [inboxPath, setInboxPath] = useState(current?.inboxPath ?? '');
  const [sentPath, setSentPath] = useState(current?.sentPath ?? '');
  const [excluded, setExcluded] = useState((current?.excluded ?? []).join('\n'));
  const [firstSyncDays, setFirstSyncDays] = useState(String(current?.firstSyncDays ?? 365));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [testing, setTesting] = useState(false);
  const errors = problem?.fieldErrors ?? {};
  const custom = provider === 'custom';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const missing: Record<string, string> = {};
    if (!address.trim()) missing.address = 'is required';
    if (!secret) missing.secret = 'is required';
    if (custom) {
      if (!servers.imapHost.trim()) missing.imapHost = 'is required';
      if (!servers.smtpHost.trim()) missing.smtpHost = 'is required';
    }
    if (Object.keys(missing).length) {
      setProblem({
        status: 0,
        code: 'validation',
        message: 'Some fields are missing.',
        fieldErrors: missing,
      });
      return;
    }
    const json: MailConnect = {
      address: address.trim(),
      provider,
      secret,
      ...(custom
        ? {
            servers: {
              imapHost: servers.imapHost.trim(),
              imapPort: Number(servers.imapPort),
              imapSecurity: servers.imapSecurity,
              smtpHost: servers.smtpHost.trim(),
              smtpPort: Number(servers.smtpPort),
              smtpSecurity: servers.smtpSecurity,
            },
          }
        : {}),
      ...(username.trim() ? { username: username.trim() } : {}),
      inboxPath: inboxPath.trim() || null,
      sentPath: sentPath.trim() || null,
      excluded: excluded
        .split(/[\n,]/)
        .map((x) => x.trim())
        .filter(Boolean),
      firstSyncDays: Number(firstSyncDays) || 365,
    };
    setTesting(true);
    try {
      const status = await connectMailbox(json);
      setSecret('');
      onConnected(status);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setTesting(false);
    }
  };

  const step = problem?.details?.step;
  const server = problem?.details?.server;
  const setServer = (k: keyof Servers, v: string) => setServers((s) => ({ ...s, [k]: v }));

  return (
    <form className="form mail-connect" onSubmit={submit} noValidate aria-label="Connect a mailbox">
      {problem && (
        <Alert>
          {typeof step === 'string' ? (
            <>
              <p>
                <strong>
                  The test failed at: {STEP_LABELS[step] ?? step}
                  {typeof server === 'string' ? ` (${server.toUpperCase()})` : ''}.
                </strong>{' '}
                Nothing was saved.
              </p>
              <p>{problem.message}</p>
            </>
          ) : Object.keys(errors).length > 0 ? (
            'Some fields need attention; see the messages next to them.'
          ) : (
            problem.message
          )}
        </Alert>
      )}
      <div className="form-grid">
        <Field label="Provider">
          {(c) => (
            <select {...c} value={provider} onChange={(e) => setProvider(e.target.value as MailProvider)}>
              {MAIL_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {providerLabel(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="E-mail address" error={errors.address} required>
          {(c) => (
            <input
              {...c}
              type="email"
              autoComplete="email"
              maxLength={320}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="App password"
          error={errors.secret}
          required
          hint={
            <>
              {PASSWORD_HINTS[provider]}
              {current && ' Enter it again to save a change; Rapport never shows it back.'}
            </>
          }
        >
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="new-password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          )}
        </Field>
      </div>
      {provider === 'custom' ? (
        <fieldset>
          <legend>Servers</legend>
          <div className="form-grid">
            <ServerFields protocol="imap" servers={servers} errors={errors} onChange={setServer} />
            <ServerFields protocol="smtp" servers={servers} errors={errors} onChange={setServer} />
          </div>
        </fieldset>
      ) : (
        <p className="muted small">
          Reads from {MAIL_PRESETS[provider].imapHost}:{MAIL_PRESETS[provider].imapPort} and sends through{' '}
          {MAIL_PRESETS[provider].smtpHost}:{MAIL_PRESETS[provider].smtpPort}, both encrypted.
        </p>
      )}
      <details className="mail-more">
        <summary>More options</summary>
        <div className="form-grid">
          <Field
            label="User name"
            hint="Only if the server signs you in with something other than the address."
          >
            {(c) => <input {...c} value={username} onChange={(e) => setUsername(e.target.value)} />}
          </Field>
          <Field label="Inbox folder" hint="Leave empty for the Inbox.">
            {(c) => <input {...c} value={inboxPath} onChange={(e) => setInboxPath(e.target.value)} />}
          </Field>
          <Field label="Sent folder" hint="Leave empty to use the folder the server marks as Sent.">
            {(c) => <input {...c} value={sentPath} onChange={(e) => setSentPath(e.target.value)} />}
          </Field>
          <Field
            label="First sync reads the last (days)"
            error={errors.firstSyncDays}
            hint="Older mail is left alone."
          >
            {(c) => (
              <input
                {...c}
                type="number"
                inputMode="numeric"
                min={1}
                max={3650}
                value={firstSyncDays}
                onChange={(e) => setFirstSyncDays(e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Never store mail with"
            error={errors.excluded}
            hint="One address (ana@example.com) or domain (@example.com) a line. Such mail never leaves the server."
          >
            {(c) => (
              <textarea {...c} rows={3} value={excluded} onChange={(e) => setExcluded(e.target.value)} />
            )}
          </Field>
        </div>
      </details>
      <p className="muted small">
        Only mail to or from people in Rapport is kept, on this computer. The password is stored encrypted and
        never shown again.
      </p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={testing}>
          {testing ? 'Testing the connection…' : 'Test and save'}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
