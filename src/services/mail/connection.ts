import { lookup } from 'node:dns/promises';
// The mail libraries load on first use: most servers never touch mail, and loading them took
// a large share of the start-up before the first answer.
import type { ImapFlow } from 'imapflow';
import { AppError } from '../../domain/errors.js';
import type { MailSecurity, MailServers } from '../../domain/mail.js';

/** What is needed to reach a mailbox: its servers and the sign-in, secret included. */
export interface MailLogin extends MailServers {
  address: string;
  username: string;
  authMethod: 'password' | 'xoauth2';
  secret: string;
}

export type MailStep = 'dns' | 'connect' | 'tls' | 'login' | 'folder';

/** A connection problem, said in a sentence that names the server and the step that failed. */
export class MailConnectionError extends AppError {
  readonly step: MailStep;
  readonly server: 'imap' | 'smtp';
  constructor(server: 'imap' | 'smtp', step: MailStep, userMessage: string) {
    super('validation', { userMessage, details: { step, server } });
    this.step = step;
    this.server = server;
  }
}

const TIMEOUT_MS = 15_000;

/** Sorts a socket or protocol failure into the step the user can act on. */
export function classify(
  server: 'imap' | 'smtp',
  host: string,
  port: number,
  security: MailSecurity,
  err: unknown,
): MailConnectionError {
  const e = err as { code?: string; message?: string; authenticationFailed?: boolean; responseCode?: number };
  const text = `${e.code ?? ''} ${e.message ?? ''}`;
  const name = server === 'imap' ? 'IMAP' : 'SMTP';
  if (
    e.authenticationFailed ||
    e.code === 'EAUTH' ||
    /AUTHENTICATIONFAILED|authentication failed|Invalid login/i.test(text)
  ) {
    return new MailConnectionError(
      server,
      'login',
      `${name} login failed at ${host}: the server refused the user name or password. Most providers want an app password, not your usual one.`,
    );
  }
  if (/ENOTFOUND|EAI_AGAIN|EDNS/.test(text)) {
    return new MailConnectionError(
      server,
      'dns',
      `${name} server ${host} was not found (DNS). Check the host name.`,
    );
  }
  if (/SSL|TLS|certificate|EPROTO|wrong version|self.signed|CERT_/i.test(text)) {
    return new MailConnectionError(
      server,
      'tls',
      `${name} server ${host}:${port} did not complete ${security === 'tls' ? 'TLS' : 'STARTTLS'} (${e.message ?? e.code}). Check the port and the encryption setting.`,
    );
  }
  if (
    /ECONNREFUSED|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ESOCKET|ECONNECTION|timed? ?out/i.test(text)
  ) {
    return new MailConnectionError(
      server,
      'connect',
      `${name} server ${host}:${port} did not answer (${e.code ?? e.message}). Check the host and the port.`,
    );
  }
  return new MailConnectionError(
    server,
    'connect',
    `${name} server ${host}:${port} failed: ${e.message ?? String(err)}`,
  );
}

async function checkDns(server: 'imap' | 'smtp', host: string): Promise<void> {
  try {
    await lookup(host);
  } catch {
    throw new MailConnectionError(
      server,
      'dns',
      `${server === 'imap' ? 'IMAP' : 'SMTP'} server ${host} was not found (DNS). Check the host name.`,
    );
  }
}

/** An IMAP client for the login; not yet connected. Never logs (the log would hold mail). */
export async function imapClient(login: MailLogin, extra: { maxIdleTime?: number } = {}): Promise<ImapFlow> {
  const { ImapFlow } = await import('imapflow');
  return new ImapFlow({
    host: login.imapHost,
    port: login.imapPort,
    secure: login.imapSecurity === 'tls',
    doSTARTTLS: login.imapSecurity === 'starttls' ? true : login.imapSecurity === 'none' ? false : undefined,
    auth:
      login.authMethod === 'xoauth2'
        ? { user: login.username, accessToken: login.secret }
        : { user: login.username, pass: login.secret },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 5 * 60_000,
    disableAutoIdle: true,
    ...extra,
  });
}

/** Connects to IMAP, turning every failure into a sentence. */
export async function connectImap(login: MailLogin, extra: { maxIdleTime?: number } = {}): Promise<ImapFlow> {
  await checkDns('imap', login.imapHost);
  const client = await imapClient(login, extra);
  // A dropped connection emits 'error'; without a listener it would end the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    throw classify('imap', login.imapHost, login.imapPort, login.imapSecurity, err);
  }
  return client;
}

/** An SMTP transport for the login. */
export async function smtpTransport(login: MailLogin) {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport({
    host: login.smtpHost,
    port: login.smtpPort,
    secure: login.smtpSecurity === 'tls',
    requireTLS: login.smtpSecurity === 'starttls',
    ignoreTLS: login.smtpSecurity === 'none',
    auth:
      login.authMethod === 'xoauth2'
        ? { type: 'OAuth2', user: login.username, accessToken: login.secret }
        : { user: login.username, pass: login.secret },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    logger: false,
  });
}

/** Checks SMTP: DNS, connection, encryption and login. */
export async function verifySmtp(login: MailLogin): Promise<void> {
  await checkDns('smtp', login.smtpHost);
  const transport = await smtpTransport(login);
  try {
    await transport.verify();
  } catch (err) {
    throw classify('smtp', login.smtpHost, login.smtpPort, login.smtpSecurity, err);
  } finally {
    transport.close();
  }
}

/**
 * The Inbox and Sent folders: the user's choice, else the SPECIAL-USE flags, else the usual names.
 * A folder that cannot be found is left out (null) and said why in `problems`.
 */
export async function locateFolders(
  client: ImapFlow,
  chosen: { inboxPath?: string | null; sentPath?: string | null },
): Promise<{ inboxPath: string | null; sentPath: string | null; problems: string[] }> {
  const list = await client.list();
  const paths = new Set(list.map((m) => m.path));
  const sent =
    chosen.sentPath ??
    list.find((m) => m.specialUse === '\\Sent')?.path ??
    list.find((m) => /^(sent|sent items|sent messages|\[gmail\]\/sent mail)$/i.test(m.path))?.path;
  const inbox = chosen.inboxPath ?? 'INBOX';
  const problems: string[] = [];
  const inboxFound = paths.has(inbox) || list.some((m) => m.path.toUpperCase() === inbox.toUpperCase());
  if (!inboxFound) problems.push(`The mailbox has no folder "${inbox}" to read as the Inbox.`);
  const sentFound = !!sent && paths.has(sent);
  if (!sentFound) {
    problems.push(
      sent
        ? `The mailbox has no folder "${sent}" to read as Sent mail. Choose the Sent folder by name.`
        : 'No Sent folder was found (none is marked as Sent). Choose the Sent folder by name.',
    );
  }
  return { inboxPath: inboxFound ? inbox : null, sentPath: sentFound ? sent! : null, problems };
}

/** The Inbox and Sent folders; a MailConnectionError names the first one missing. */
export async function findFolders(
  client: ImapFlow,
  chosen: { inboxPath?: string | null; sentPath?: string | null },
): Promise<{ inboxPath: string; sentPath: string }> {
  const { inboxPath, sentPath, problems } = await locateFolders(client, chosen);
  if (!inboxPath || !sentPath) throw new MailConnectionError('imap', 'folder', problems[0]!);
  return { inboxPath, sentPath };
}
