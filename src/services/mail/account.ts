import { and, count, eq, isNotNull } from 'drizzle-orm';
import { mailAccounts, messages } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import {
  isLoopbackHost,
  MAIL_PRESETS,
  type MailProvider,
  type MailSecurity,
  type MailServers,
  normalizeAddress,
} from '../../domain/mail.js';
import { type Ctx, inTransaction } from '../context.js';
import { connectImap, findFolders, type MailLogin, verifySmtp } from './connection.js';
import { seal, unseal } from './secret.js';

export interface ConnectMailInput {
  address: string;
  provider: MailProvider;
  /** Needed for `custom`; for a preset, any field given replaces the preset's. */
  servers?: Partial<MailServers>;
  /** Defaults to the address. */
  username?: string;
  authMethod?: 'password' | 'xoauth2';
  /** The app password, or the OAuth access token for XOAUTH2. */
  secret: string;
  inboxPath?: string | null;
  sentPath?: string | null;
  excluded?: string[];
  firstSyncDays?: number;
}

/** What the API and CLI show of a connected mailbox: everything but the secret. */
export interface MailStatus {
  connected: boolean;
  address: string | null;
  provider: string | null;
  servers: MailServers | null;
  username: string | null;
  authMethod: string | null;
  inboxPath: string | null;
  sentPath: string | null;
  excluded: string[];
  firstSyncDays: number | null;
  lastSyncAt: Date | null;
  lastSyncError: string | null;
  /** Messages in the log that came from the mailbox or went out through it, by direction. */
  counts: { received: number; sent: number };
}

function keyOf(ctx: Ctx): Buffer {
  if (!ctx.secretKey) {
    // Only a Rapport started without a data folder lacks one (an in-memory test, say).
    throw new AppError('conflict', {
      userMessage:
        'This Rapport has no secret key to keep a mailbox password safe: set RAPPORT_SECRET_KEY, or start it with a data folder.',
    });
  }
  return ctx.secretKey();
}

function serversOf(input: ConnectMailInput): MailServers {
  const preset = input.provider === 'custom' ? null : MAIL_PRESETS[input.provider];
  const s = { ...preset, ...input.servers };
  const missing = (
    ['imapHost', 'imapPort', 'imapSecurity', 'smtpHost', 'smtpPort', 'smtpSecurity'] as const
  ).filter((k) => s[k] === undefined || s[k] === '');
  if (missing.length) {
    throw new AppError('validation', {
      userMessage: `A custom mailbox needs ${missing.join(', ')}.`,
      issues: missing.map((field) => ({ field, message: 'is required for a custom mailbox' })),
    });
  }
  const servers = {
    imapHost: s.imapHost!.trim(),
    imapPort: s.imapPort!,
    imapSecurity: s.imapSecurity as MailSecurity,
    smtpHost: s.smtpHost!.trim(),
    smtpPort: s.smtpPort!,
    smtpSecurity: s.smtpSecurity as MailSecurity,
  };
  // A password sent without encryption can be read on the way; only this machine is safe.
  for (const [which, host, security] of [
    ['imap', servers.imapHost, servers.imapSecurity],
    ['smtp', servers.smtpHost, servers.smtpSecurity],
  ] as const) {
    if (security === 'none' && !isLoopbackHost(host)) {
      throw new AppError('validation', {
        userMessage: `${which.toUpperCase()} without encryption is only allowed for a server on this machine; choose TLS or STARTTLS for ${host}.`,
        issues: [{ field: `${which}Security`, message: 'must be tls or starttls for a server elsewhere' }],
      });
    }
  }
  return servers;
}

/**
 * Tests the mailbox (IMAP login and folders, then SMTP login) and saves it only when all of that
 * works; a failure names the step (DNS, TLS, login, folder) and nothing is saved.
 */
export async function connectMail(ctx: Ctx & { input: ConnectMailInput }): Promise<MailStatus> {
  const { input } = ctx;
  const key = keyOf(ctx);
  const servers = serversOf(input);
  const login: MailLogin = {
    ...servers,
    address: normalizeAddress(input.address),
    username: input.username?.trim() || input.address.trim(),
    authMethod: input.authMethod ?? 'password',
    secret: input.secret,
  };
  await testMailLogin(login, input);
  const values = {
    address: login.address,
    provider: input.provider,
    ...servers,
    username: login.username,
    authMethod: login.authMethod,
    secretSealed: seal(key, input.secret),
    inboxPath: input.inboxPath ?? null,
    sentPath: input.sentPath ?? null,
    excluded: (input.excluded ?? []).map(normalizeAddress).filter(Boolean),
    firstSyncDays: input.firstSyncDays ?? 365,
    lastSyncError: null,
    updatedAt: ctx.now(),
  };
  await inTransaction(ctx, async (tx) => {
    const existing = await currentAccount(tx);
    // Another mailbox starts its folders afresh; the same one keeps where its sync stands.
    if (existing && (existing.address !== login.address || existing.imapHost !== servers.imapHost)) {
      await tx.db.delete(mailAccounts).where(eq(mailAccounts.id, existing.id));
    } else if (existing) {
      await tx.db.update(mailAccounts).set(values).where(eq(mailAccounts.id, existing.id));
      return;
    }
    await tx.db
      .insert(mailAccounts)
      .values({ ...values, workspaceId: ctx.workspaceId, createdAt: ctx.now() });
  });
  return mailStatus(ctx);
}

/** Logs in to IMAP, finds the folders, then checks SMTP; throws a MailConnectionError on the first failure. */
export async function testMailLogin(
  login: MailLogin,
  chosen: { inboxPath?: string | null; sentPath?: string | null },
): Promise<{ inboxPath: string; sentPath: string }> {
  const client = await connectImap(login);
  let folders: { inboxPath: string; sentPath: string };
  try {
    folders = await findFolders(client, chosen);
  } finally {
    await client.logout().catch(() => client.close());
  }
  await verifySmtp(login);
  return folders;
}

export async function currentAccount(ctx: Ctx) {
  const [row] = await ctx.db.select().from(mailAccounts).where(eq(mailAccounts.workspaceId, ctx.workspaceId));
  return row ?? null;
}

/** The connected mailbox with its secret, for sync and send; a sentence when there is none. */
export async function loadMailLogin(ctx: Ctx) {
  const account = await currentAccount(ctx);
  if (!account) {
    throw new AppError('conflict', {
      userMessage: 'No mailbox is connected. Connect one in Settings → Mail or with `rapport mail connect`.',
    });
  }
  const login: MailLogin = {
    address: account.address,
    imapHost: account.imapHost,
    imapPort: account.imapPort,
    imapSecurity: account.imapSecurity as MailSecurity,
    smtpHost: account.smtpHost,
    smtpPort: account.smtpPort,
    smtpSecurity: account.smtpSecurity as MailSecurity,
    username: account.username,
    authMethod: account.authMethod as MailLogin['authMethod'],
    secret: unseal(keyOf(ctx), account.secretSealed),
  };
  return { account, login };
}

/** The connected mailbox as the user may see it: never the password. */
export async function mailStatus(ctx: Ctx): Promise<MailStatus> {
  const a = await currentAccount(ctx);
  if (!a) {
    return {
      connected: false,
      address: null,
      provider: null,
      servers: null,
      username: null,
      authMethod: null,
      inboxPath: null,
      sentPath: null,
      excluded: [],
      firstSyncDays: null,
      lastSyncAt: null,
      lastSyncError: null,
      counts: { received: 0, sent: 0 },
    };
  }
  const byDirection = await ctx.db
    .select({ direction: messages.direction, n: count() })
    .from(messages)
    .where(and(eq(messages.workspaceId, ctx.workspaceId), isNotNull(messages.messageId)))
    .groupBy(messages.direction);
  const counted = (d: string) => byDirection.find((r) => r.direction === d)?.n ?? 0;
  return {
    connected: true,
    address: a.address,
    provider: a.provider,
    servers: {
      imapHost: a.imapHost,
      imapPort: a.imapPort,
      imapSecurity: a.imapSecurity as MailSecurity,
      smtpHost: a.smtpHost,
      smtpPort: a.smtpPort,
      smtpSecurity: a.smtpSecurity as MailSecurity,
    },
    username: a.username,
    authMethod: a.authMethod,
    inboxPath: a.inboxPath,
    sentPath: a.sentPath,
    excluded: a.excluded,
    firstSyncDays: a.firstSyncDays,
    lastSyncAt: a.lastSyncAt,
    lastSyncError: a.lastSyncError,
    counts: { received: counted('in'), sent: counted('out') },
  };
}

/** Removes the mailbox and its password; with `forgetMessages`, every message the sync logged too. */
export async function disconnectMail(
  ctx: Ctx & { forgetMessages?: boolean },
): Promise<{ removedMessages: number }> {
  return inTransaction(ctx, async (tx) => {
    await tx.db.delete(mailAccounts).where(eq(mailAccounts.workspaceId, ctx.workspaceId));
    if (!ctx.forgetMessages) return { removedMessages: 0 };
    const removed = await tx.db
      .delete(messages)
      .where(and(eq(messages.workspaceId, ctx.workspaceId), isNotNull(messages.messageId)))
      .returning({ id: messages.id });
    return { removedMessages: removed.length };
  });
}
