/**
 * Offline mail import: a Gmail Takeout `.mbox` or an `.eml` file goes through the same matching
 * and Message-ID dedupe as the sync. A preview writes nothing; the import writes all or nothing.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { messages, people } from '../../db/schema.js';
import { normalizeAddress } from '../../domain/mail.js';
import type { Direction } from '../../domain/vocab.js';
import { type Ctx, inTransaction } from '../context.js';
import { currentAccount } from './account.js';
import { headerBlock, splitMailFile } from './mail-file.js';
import {
  type FoundMail,
  headerAddresses,
  knownAddresses,
  logFoundMail,
  madeUpId,
  parseMail,
} from './sync.js';

/** How much of one message is read: the text comes first, so a big attachment is never parsed. */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** Messages written between two progress reports. */
const BATCH = 100;
/** How many messages a preview lists. */
const SHOWN = 50;

export interface MailImportRow {
  at: string;
  direction: Direction;
  people: string[];
  subject: string | null;
  /** Logged already (by the sync or an earlier import): skipped. */
  alreadyLogged: boolean;
}

export interface MailImportSummary {
  applied: boolean;
  /** Messages in the file. */
  total: number;
  /** To or from people in the workspace. */
  matched: number;
  /** Of those, logged before: skipped. */
  alreadyLogged: number;
  /** Logged by this import (or that would be, in a preview). */
  stored: number;
  /** Could not be read at all. */
  unreadable: number;
  people: { id: string; fullName: string; messages: number }[];
  rows: MailImportRow[];
}

/** Reads the file and finds the mail with known people, reading whole messages only for those. */
async function readMailFile(
  ctx: Ctx,
  bytes: Uint8Array,
  fileName: string,
): Promise<{ total: number; unreadable: number; found: FoundMail[] }> {
  const raws = splitMailFile(bytes, fileName);
  const account = await currentAccount(ctx);
  const me = account ? normalizeAddress(account.address) : null;
  const known = await knownAddresses(ctx, account?.excluded ?? []);
  const found: FoundMail[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  for (const raw of raws) {
    const head = await headerAddresses(headerBlock(raw)).catch(() => null);
    if (!head) {
      unreadable++;
      continue;
    }
    const peopleOf = (list: string[]) => [
      ...new Set(list.filter((a) => a !== me).flatMap((a) => known.get(a) ?? [])),
    ];
    const senders = peopleOf(head.from);
    const recipients = peopleOf(head.to);
    // Mine when it is from my address, or (without a mailbox to tell) from nobody known to someone known.
    const mine = me ? head.from.includes(me) : senders.length === 0;
    const direction: Direction = mine ? 'out' : 'in';
    const personIds = mine ? recipients : senders;
    if (!personIds.length) continue;
    const mail = await parseMail(raw.subarray(0, MAX_SOURCE_BYTES)).catch(() => null);
    if (!mail) {
      unreadable++;
      continue;
    }
    const messageId = mail.messageId ?? madeUpId(raw);
    if (seen.has(messageId)) continue;
    seen.add(messageId);
    found.push({
      messageId,
      direction,
      personIds,
      at: mail.date ?? ctx.now(),
      subject: mail.subject,
      body: mail.body,
      threadIds: mail.threadIds,
    });
  }
  return { total: raws.length, unreadable, found };
}

/** What importing the file would log, and what it skips; writes nothing. */
export async function previewMailImport(
  ctx: Ctx & { bytes: Uint8Array; fileName: string },
): Promise<MailImportSummary> {
  const read = await readMailFile(ctx, ctx.bytes, ctx.fileName);
  return summarize(ctx, read, false);
}

/**
 * Logs the file's mail with known people, in one transaction: every message or, when anything
 * fails, none. Mail logged before (same Message-ID for the same person) is skipped.
 */
export async function importMailFile(
  ctx: Ctx & {
    bytes: Uint8Array;
    fileName: string;
    onProgress?: (p: { done: number; total: number }) => void;
  },
): Promise<MailImportSummary> {
  const read = await readMailFile(ctx, ctx.bytes, ctx.fileName);
  return inTransaction(ctx, async (tx) => {
    const before = await summarize(tx, read, false);
    const fresh = read.found;
    ctx.onProgress?.({ done: 0, total: fresh.length });
    for (let i = 0; i < fresh.length; i += BATCH) {
      await logFoundMail(tx, fresh.slice(i, i + BATCH));
      ctx.onProgress?.({ done: Math.min(i + BATCH, fresh.length), total: fresh.length });
    }
    return { ...before, applied: true };
  });
}

async function summarize(
  ctx: Ctx,
  read: { total: number; unreadable: number; found: FoundMail[] },
  applied: boolean,
): Promise<MailImportSummary> {
  const { found } = read;
  const logged = new Set<string>();
  for (let i = 0; i < found.length; i += 5000) {
    const ids = found.slice(i, i + 5000).map((f) => f.messageId);
    const rows = await ctx.db
      .select({ messageId: messages.messageId, personId: messages.personId })
      .from(messages)
      .where(
        and(
          eq(messages.workspaceId, ctx.workspaceId),
          isNotNull(messages.messageId),
          inArray(messages.messageId, ids),
        ),
      );
    for (const r of rows) logged.add(`${r.messageId} ${r.personId}`);
  }
  const personIds = [...new Set(found.flatMap((f) => f.personIds))];
  const names = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += 5000) {
    const rows = await ctx.db
      .select({ id: people.id, fullName: people.fullName })
      .from(people)
      .where(and(eq(people.workspaceId, ctx.workspaceId), inArray(people.id, personIds.slice(i, i + 5000))));
    for (const r of rows) names.set(r.id, r.fullName);
  }
  const perPerson = new Map<string, number>();
  let stored = 0;
  let alreadyLogged = 0;
  const rows: MailImportRow[] = [];
  for (const f of [...found].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const fresh = f.personIds.filter((p) => !logged.has(`${f.messageId} ${p}`));
    if (fresh.length) stored += fresh.length;
    else alreadyLogged++;
    for (const p of fresh) perPerson.set(p, (perPerson.get(p) ?? 0) + 1);
    if (rows.length < SHOWN) {
      rows.push({
        at: f.at.toISOString(),
        direction: f.direction,
        people: f.personIds.map((p) => names.get(p) ?? p),
        subject: f.subject,
        alreadyLogged: fresh.length === 0,
      });
    }
  }
  return {
    applied,
    total: read.total,
    matched: found.length,
    alreadyLogged,
    stored,
    unreadable: read.unreadable,
    people: [...perPerson]
      .map(([id, n]) => ({ id, fullName: names.get(id) ?? id, messages: n }))
      .sort((a, b) => b.messages - a.messages || a.fullName.localeCompare(b.fullName)),
    rows,
  };
}
