import { createHash } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import {
  conversationParticipants,
  conversations,
  mailAccounts,
  mailFolders,
  messages,
  people,
} from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import {
  cleanMessageId,
  inferPurpose,
  isExcludedAddress,
  normalizeAddress,
  threadIds,
} from '../../domain/mail.js';
import type { Direction } from '../../domain/vocab.js';
import { type Ctx, inTransaction } from '../context.js';
import { logMessage } from '../outreach/messages.js';
import { touchPeople } from '../people/people.js';
import { currentAccount, loadMailLogin } from './account.js';
import { connectImap, locateFolders } from './connection.js';

/** How much of one message is read: the text comes first, so a 25 MB attachment is never fetched. */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** The longest body kept in the log. */
const MAX_BODY_CHARS = 100_000;
/** Messages committed together; a sync that stops keeps every batch before it. */
const BATCH = 50;

export interface SyncProgress {
  folder: 'inbox' | 'sent';
  /** Messages of the folder read so far, and how many there are to read. */
  done: number;
  total: number;
}

export interface SyncReport {
  folders: { role: 'inbox' | 'sent'; path: string; scanned: number; stored: number }[];
  stored: number;
  /** What kept a folder from being read, in sentences (a folder missing or deleted meanwhile). */
  problems: string[];
}

/** A Message-ID for mail that has none, the same for the same bytes, so reading it again skips it. */
export function madeUpId(raw: Buffer): string {
  return `${createHash('sha256').update(raw).digest('hex').slice(0, 40)}@import.rapport.invalid`;
}

/** One e-mail, as the sync saw it, to be logged for each known person it involves. */
export interface FoundMail {
  messageId: string;
  direction: Direction;
  /** The people it involves (sender for incoming mail, recipients for outgoing). */
  personIds: string[];
  at: Date;
  subject: string | null;
  body: string;
  threadIds: string[];
}

/** The workspace's known addresses: each, lower-cased, with the people who have it. */
export async function knownAddresses(ctx: Ctx, excluded: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await ctx.db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(and(eq(people.workspaceId, ctx.workspaceId), isNotNull(people.email)));
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const a = normalizeAddress(r.email!);
    if (!a || isExcludedAddress(a, excluded)) continue;
    map.set(a, [...(map.get(a) ?? []), r.id]);
  }
  return map;
}

/** Known addresses of people added or edited since `since`: their past mail may not be logged yet. */
async function addressesAddedSince(ctx: Ctx, since: Date, known: Map<string, string[]>): Promise<string[]> {
  const rows = await ctx.db
    .select({ email: people.email })
    .from(people)
    .where(
      and(eq(people.workspaceId, ctx.workspaceId), isNotNull(people.email), gt(people.updatedAt, since)),
    );
  return [...new Set(rows.map((r) => normalizeAddress(r.email!)))].filter((a) => known.has(a));
}

/** The conversation a message belongs to: the one its thread names, else the person's open one. */
async function conversationFor(ctx: Ctx, personId: string, ids: string[]) {
  if (ids.length) {
    const hits = await ctx.db
      .select({ conversationId: messages.conversationId, personId: messages.personId })
      .from(messages)
      .where(
        and(
          eq(messages.workspaceId, ctx.workspaceId),
          inArray(messages.messageId, ids),
          isNotNull(messages.conversationId),
        ),
      );
    const hit = hits.find((h) => h.personId === personId) ?? hits[0];
    if (hit?.conversationId) {
      const [c] = await ctx.db
        .select({ id: conversations.id })
        .from(conversations)
        .innerJoin(
          conversationParticipants,
          and(
            eq(conversationParticipants.conversationId, conversations.id),
            eq(conversationParticipants.personId, personId),
          ),
        )
        .where(eq(conversations.id, hit.conversationId));
      if (c) return c.id;
    }
  }
  const [open] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(conversationParticipants, eq(conversationParticipants.conversationId, conversations.id))
    .where(
      and(
        eq(conversations.workspaceId, ctx.workspaceId),
        eq(conversationParticipants.personId, personId),
        notInArray(conversations.status, ['declined', 'cancelled']),
      ),
    )
    .orderBy(desc(conversations.statusChangedAt))
    .limit(1);
  return open?.id ?? null;
}

/**
 * Logs found mail for every person it involves, skipping what is logged already (the same
 * Message-ID for the same person), with the purpose guessed from where the conversation stands.
 */
export async function logFoundMail(ctx: Ctx, found: FoundMail[]): Promise<number> {
  if (!found.length) return 0;
  const existing = await ctx.db
    .select({ messageId: messages.messageId, personId: messages.personId })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, ctx.workspaceId),
        inArray(
          messages.messageId,
          found.map((f) => f.messageId),
        ),
      ),
    );
  const seen = new Set(existing.map((e) => `${e.messageId} ${e.personId}`));
  // Most mail is with people in no conversation: it is written together, in one statement, with
  // what logging it one by one would give (no conversation, purpose "other").
  const everyone = [...new Set(found.flatMap((f) => f.personIds))];
  const inConversations = new Set(
    (
      await ctx.db
        .selectDistinct({ personId: conversationParticipants.personId })
        .from(conversationParticipants)
        .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
        .where(
          and(
            eq(conversations.workspaceId, ctx.workspaceId),
            inArray(conversationParticipants.personId, everyone),
          ),
        )
    ).map((r) => r.personId),
  );
  const loose: (typeof messages.$inferInsert)[] = [];
  let stored = 0;
  for (const mail of [...found].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    for (const personId of mail.personIds) {
      const key = `${mail.messageId} ${personId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!inConversations.has(personId)) {
        loose.push({
          workspaceId: ctx.workspaceId,
          personId,
          conversationId: null,
          channel: 'email',
          direction: mail.direction,
          purpose: inferPurpose({ direction: mail.direction, status: null, answered: false }),
          at: mail.at.getTime() > ctx.now().getTime() ? ctx.now() : mail.at,
          subject: mail.subject,
          body: mail.body,
          messageId: mail.messageId,
          purposeInferred: true,
          createdAt: ctx.now(),
        });
        continue;
      }
      const conversationId = await conversationFor(ctx, personId, mail.threadIds);
      let status = null;
      let answered = false;
      if (conversationId) {
        const [c] = await ctx.db
          .select({
            status: conversations.status,
            // Since the request went out: the logged request's own time (mail read later, or from a
            // file, is older than the status change it caused), else when the status changed.
            answered: sql<boolean>`${conversations.repliedAt} is not null or exists (select 1 from ${messages} m where m.conversation_id = ${conversations.id}
              and m.direction = 'in' and m.at >= coalesce(
                (select max(r.at) from ${messages} r where r.conversation_id = ${conversations.id}
                  and r.direction = 'out' and r.purpose = 'request'),
                ${conversations.requestedAt}, ${conversations.statusChangedAt}))`,
          })
          .from(conversations)
          .where(eq(conversations.id, conversationId));
        status = c?.status ?? null;
        answered = c?.answered ?? false;
      }
      const at = mail.at.getTime() > ctx.now().getTime() ? ctx.now() : mail.at;
      await logMessage({
        ...ctx,
        input: {
          personId,
          conversationId,
          channel: 'email',
          direction: mail.direction,
          purpose: inferPurpose({ direction: mail.direction, status, answered }),
          at,
          subject: mail.subject,
          body: mail.body,
          messageId: mail.messageId,
          inferred: true,
        },
      });
      stored++;
    }
  }
  if (loose.length) {
    await ctx.db.insert(messages).values(loose);
    const latest = new Map<string, Date>();
    for (const m of loose) {
      const at = m.at as Date;
      if (!latest.has(m.personId) || latest.get(m.personId)! < at) latest.set(m.personId, at);
    }
    for (const [personId, at] of latest) await touchPeople(ctx, [personId], at);
    stored += loose.length;
  }
  return stored;
}

/** Reads one raw message into what the log keeps; bad MIME gives what could be read. */
export async function parseMail(source: Buffer): Promise<{
  messageId: string | null;
  date: Date | null;
  subject: string | null;
  body: string;
  from: string[];
  to: string[];
  threadIds: string[];
}> {
  // Loaded on first use, as the other mail libraries are (connection.ts).
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(source, {
    skipHtmlToText: false,
    skipImageLinks: true,
    skipTextToHtml: true,
  });
  const addresses = (v: unknown): string[] => {
    const list = Array.isArray(v) ? v : v ? [v] : [];
    return list.flatMap((a: { value?: { address?: string }[] }) =>
      (a.value ?? []).map((x) => normalizeAddress(x.address ?? '')).filter(Boolean),
    );
  };
  const text = (parsed.text ?? '').replace(/\r\n/g, '\n').trim();
  return {
    messageId: cleanMessageId(parsed.messageId),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    subject: parsed.subject?.slice(0, 998) ?? null,
    body: text.slice(0, MAX_BODY_CHARS),
    from: addresses(parsed.from),
    to: [...addresses(parsed.to), ...addresses(parsed.cc), ...addresses(parsed.bcc)],
    threadIds: threadIds(parsed.inReplyTo, parsed.references),
  };
}

/** UIDs in IMAP's compact form ("1:500,502,510:600"), so a long list stays one short argument. */
export function uidSet(uids: readonly number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Servers refuse very long commands: a scattered list of UIDs is asked for in parts. */
function uidSets(uids: readonly number[], per = 2000): string[] {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const sets: string[] = [];
  for (let i = 0; i < sorted.length; i += per) sets.push(uidSet(sorted.slice(i, i + per)));
  return sets;
}

/**
 * The sender and recipient addresses in a message's header block, read without parsing the
 * message: a mailbox file is mostly mail with strangers, and this is all it takes to pass it by.
 */
export async function headerAddresses(head: Buffer): Promise<{ from: string[]; to: string[] }> {
  const { default: addressparser } = await import('nodemailer/lib/addressparser');
  const from: string[] = [];
  const to: string[] = [];
  // Folded header lines continue on lines that start with white space.
  for (const line of head
    .toString('utf8')
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)) {
    const m = /^(from|to|cc|bcc)\s*:(.*)$/i.exec(line);
    if (!m) continue;
    const list = m[1]!.toLowerCase() === 'from' ? from : to;
    for (const a of addressparser(m[2], { flatten: true })) {
      const address = normalizeAddress(a.address ?? '');
      if (address) list.push(address);
    }
  }
  return { from, to };
}

interface Candidate {
  uid: number;
  personIds: string[];
}

/** Reads one folder from where its last sync stopped, committing batch by batch. */
async function syncFolder(
  ctx: Ctx,
  client: ImapFlow,
  account: { id: string; address: string; firstSyncDays: number },
  role: 'inbox' | 'sent',
  path: string,
  known: Map<string, string[]>,
  onProgress: ((p: SyncProgress) => void | Promise<void>) | undefined,
  /** Addresses added to people since the last sync: their older mail is looked up too. */
  added: string[],
  /** Messages logged so far, kept up to date as batches commit (for the sentence when it stops). */
  tally: { stored: number },
): Promise<{ scanned: number; stored: number }> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const box = client.mailbox;
    if (!box) throw new AppError('conflict', { userMessage: `The folder "${path}" could not be opened.` });
    const uidValidity = String(box.uidValidity);
    const [state] = await ctx.db
      .select()
      .from(mailFolders)
      .where(and(eq(mailFolders.accountId, account.id), eq(mailFolders.role, role)));
    // A new UIDVALIDITY (or another folder) means the old numbers mean nothing: read it afresh.
    const fresh = !state || state.uidValidity !== uidValidity || state.path !== path;
    const lastUid = fresh ? 0 : state.lastUid;
    const saveState = async (db: Ctx, uid: number) => {
      await db.db
        .insert(mailFolders)
        .values({
          workspaceId: ctx.workspaceId,
          accountId: account.id,
          role,
          path,
          uidValidity,
          lastUid: uid,
          highestModseq: box.highestModseq ? String(box.highestModseq) : null,
          updatedAt: ctx.now(),
        })
        .onConflictDoUpdate({
          target: [mailFolders.workspaceId, mailFolders.accountId, mailFolders.role],
          set: {
            path,
            uidValidity,
            lastUid: uid,
            highestModseq: box.highestModseq ? String(box.highestModseq) : null,
            updatedAt: ctx.now(),
          },
        });
    };
    // Mail already passed over, with an address that became known since: found by a server-side search.
    const earlier: Candidate[] = [];
    if (!fresh && lastUid > 0 && added.length) {
      const since = new Date(ctx.now().getTime() - account.firstSyncDays * 86_400_000);
      for (const address of added.slice(0, 100)) {
        const personIds = known.get(address);
        if (!personIds) continue;
        const query =
          role === 'inbox'
            ? { from: address, since }
            : { since, or: [{ to: address }, { cc: address }, { bcc: address }] };
        const uids = (await client.search(query, { uid: true })) || [];
        for (const uid of uids) if (uid <= lastUid) earlier.push({ uid, personIds });
      }
      earlier.sort((a, b) => a.uid - b.uid);
    }
    if (!fresh && !earlier.length && box.uidNext <= lastUid + 1) return { scanned: 0, stored: 0 };
    if (box.exists === 0) {
      await saveState(ctx, Math.max(lastUid, box.uidNext - 1));
      return { scanned: 0, stored: 0 };
    }
    let ranges: string[];
    if (lastUid === 0) {
      const since = new Date(ctx.now().getTime() - account.firstSyncDays * 86_400_000);
      const found = await client.search({ since }, { uid: true });
      ranges = uidSets(found || []);
    } else {
      ranges = box.uidNext > lastUid + 1 ? [`${lastUid + 1}:*`] : [];
    }
    const me = normalizeAddress(account.address);
    const candidates: Candidate[] = [...earlier];
    let scanned = 0;
    let maxUid = lastUid;
    for (const range of ranges) {
      // Envelopes only: mail that involves nobody known never has its body read.
      for await (const msg of client.fetch(range, { uid: true, envelope: true }, { uid: true })) {
        if (msg.uid <= lastUid) continue;
        scanned++;
        maxUid = Math.max(maxUid, msg.uid);
        const env = msg.envelope;
        if (!env) continue;
        const from = (env.from ?? []).map((a) => normalizeAddress(a.address ?? ''));
        const others =
          role === 'inbox'
            ? from.filter((a) => a !== me)
            : [...(env.to ?? []), ...(env.cc ?? []), ...(env.bcc ?? [])].map((a) =>
                normalizeAddress(a.address ?? ''),
              );
        if (role === 'sent' && from.length && !from.includes(me)) continue;
        const personIds = [...new Set(others.flatMap((a) => known.get(a) ?? []))];
        if (personIds.length) candidates.push({ uid: msg.uid, personIds });
      }
    }
    const total = candidates.length;
    await onProgress?.({ folder: role, done: 0, total });
    let stored = 0;
    for (let i = 0; i < candidates.length; i += BATCH) {
      const batch = candidates.slice(i, i + BATCH);
      const found: FoundMail[] = [];
      const byUid = new Map(batch.map((c) => [c.uid, c]));
      for await (const msg of client.fetch(
        uidSet(batch.map((c) => c.uid)),
        { uid: true, source: { maxLength: MAX_SOURCE_BYTES }, internalDate: true, envelope: true },
        { uid: true },
      )) {
        const c = byUid.get(msg.uid);
        if (!c || !msg.source) continue;
        // Mail that cannot be parsed is still logged, with what the server's envelope says.
        const mail = await parseMail(msg.source).catch(() => null);
        const internal = msg.internalDate ? new Date(msg.internalDate) : null;
        const envDate = msg.envelope?.date ? new Date(msg.envelope.date) : null;
        found.push({
          messageId: mail?.messageId ?? cleanMessageId(msg.envelope?.messageId) ?? madeUpId(msg.source),
          direction: role === 'inbox' ? 'in' : 'out',
          personIds: c.personIds,
          at:
            mail?.date ??
            (envDate && !Number.isNaN(envDate.getTime()) ? envDate : null) ??
            internal ??
            ctx.now(),
          subject: mail?.subject ?? msg.envelope?.subject?.slice(0, 998) ?? null,
          body: mail?.body ?? '',
          threadIds: mail?.threadIds ?? [],
        });
      }
      // Never back: the re-read older mail comes first and must not lower where the folder stands.
      const upTo = i + BATCH >= candidates.length ? maxUid : Math.max(lastUid, batch[batch.length - 1]!.uid);
      const committed = await inTransaction(ctx, async (tx) => {
        const n = await logFoundMail(tx, found);
        await saveState(tx, upTo);
        return n;
      });
      stored += committed;
      tally.stored += committed;
      await onProgress?.({ folder: role, done: Math.min(i + BATCH, total), total });
    }
    if (!candidates.length) await saveState(ctx, maxUid);
    return { scanned, stored };
  } finally {
    lock.release();
  }
}

const running = new Map<string, Promise<SyncReport>>();

/**
 * Reads the Inbox and Sent folders since the last sync and logs mail to or from people of the
 * workspace. Two syncs of one workspace never run at once: the second waits for the first's result.
 */
export function syncMail(
  ctx: Ctx & { onProgress?: (p: SyncProgress) => void | Promise<void> },
): Promise<SyncReport> {
  const current = running.get(ctx.workspaceId);
  if (current) return current;
  const job = runSync(ctx).finally(() => running.delete(ctx.workspaceId));
  running.set(ctx.workspaceId, job);
  return job;
}

async function runSync(
  ctx: Ctx & { onProgress?: (p: SyncProgress) => void | Promise<void> },
): Promise<SyncReport> {
  const { account, login } = await loadMailLogin(ctx);
  const report: SyncReport = { folders: [], stored: 0, problems: [] };
  const tally = { stored: 0 };
  let client: ImapFlow | null = null;
  let reading: string | null = null;
  let lost = false;
  try {
    client = await connectImap(login);
    const folders = await locateFolders(client, account);
    report.problems.push(...folders.problems);
    const known = await knownAddresses(ctx, account.excluded);
    const added = account.lastSyncAt ? await addressesAddedSince(ctx, account.lastSyncAt, known) : [];
    for (const [role, path] of [
      ['inbox', folders.inboxPath],
      ['sent', folders.sentPath],
    ] as const) {
      if (!path) continue;
      reading = path;
      const before = tally.stored;
      try {
        const r = await syncFolder(ctx, client, account, role, path, known, ctx.onProgress, added, tally);
        report.folders.push({ role, path, ...r });
        report.stored += r.stored;
      } catch (err) {
        // A folder deleted or renamed while it was read (some servers then end the session): the
        // other folder is still read. Anything else stops the sync.
        if (err instanceof AppError) throw err;
        if (!client.usable) {
          lost = true;
          client = await connectImap(login).catch(() => null);
          if (!client) throw err;
        }
        const gone = !(await client
          .list()
          .then((list) => list.some((m) => m.path === path))
          .catch(() => true));
        if (!gone) throw err;
        lost = false;
        const kept = tally.stored - before;
        report.stored += kept;
        report.problems.push(
          `The folder "${path}" disappeared from the mailbox while it was read (deleted or renamed)` +
            (kept
              ? `; the ${kept} ${kept === 1 ? 'message' : 'messages'} logged from it before are kept.`
              : '.') +
            ' If it was renamed, choose it again in Settings → Mail.',
        );
      }
    }
    reading = null;
    const problem = report.problems.length ? report.problems.join(' ') : null;
    await ctx.db
      .update(mailAccounts)
      .set({
        // With a folder unread, the next sync looks again for past mail of newly known people.
        ...(problem ? {} : { lastSyncAt: ctx.now() }),
        lastSyncError: problem,
        updatedAt: ctx.now(),
      })
      .where(eq(mailAccounts.id, account.id));
    return report;
  } catch (err) {
    const kept = tally.stored
      ? `The ${tally.stored} ${tally.stored === 1 ? 'message' : 'messages'} logged before it stopped are kept`
      : 'What was read before is kept';
    const message =
      err instanceof AppError
        ? err.userMessage
        : reading && (lost || (client && !client.usable))
          ? `The connection to the mail server was lost while reading "${reading}". ${kept}; the next sync goes on from there.`
          : `The sync stopped: ${(err as Error).message}. ${kept}; the next sync goes on from there.`;
    // The account may have been disconnected meanwhile; then there is nothing to note.
    if (await currentAccount(ctx)) {
      await ctx.db
        .update(mailAccounts)
        .set({ lastSyncError: message, updatedAt: ctx.now() })
        .where(eq(mailAccounts.id, account.id));
    }
    if (err instanceof AppError) throw err;
    throw new AppError('conflict', { userMessage: message });
  } finally {
    await client?.logout().catch(() => client?.close());
  }
}
