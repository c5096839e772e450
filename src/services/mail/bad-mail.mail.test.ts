import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import {
  connectInput,
  imapAs,
  imapRelay,
  MAIL_DOMAIN,
  rawMail,
  testKey,
  uniqueAddress,
} from '../../../test/mail.js';
import { messages, people } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { listMessages } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { connectMail, mailStatus } from './account.js';
import { syncMail } from './sync.js';

let t: TestDb;
let ctx: Ctx;
let relay: Awaited<ReturnType<typeof imapRelay>>;
beforeAll(async () => {
  t = await openTestDb();
  ctx = { ...t.ctx, secretKey: testKey() };
  relay = await imapRelay();
});
afterAll(async () => {
  await relay.close();
  await t.close();
});

/** A folder of Alice's of its own, filled with `raws`, read as the Inbox through the relay. */
async function folderAsInbox(raws: string[]): Promise<string> {
  const folder = `Bad-${randomUUID().slice(0, 8)}`;
  const client = await imapAs('alice');
  try {
    await client.mailboxCreate(folder);
    for (const raw of raws) await client.append(folder, raw, ['\\Seen']);
  } finally {
    await client.logout();
  }
  const base = connectInput('alice');
  await connectMail({
    ...ctx,
    input: { ...base, inboxPath: folder, servers: { ...base.servers, imapPort: relay.port } },
  });
  return folder;
}

async function deleteFolder(folder: string): Promise<void> {
  const client = await imapAs('alice');
  try {
    await client.mailboxDelete(folder);
  } finally {
    await client.logout();
  }
}

function mailsFrom(address: string, n: number, tag: string) {
  return Array.from({ length: n }, (_, i) =>
    rawMail({
      from: `Known <${address}>`,
      to: `alice@${MAIL_DOMAIN}`,
      subject: `${tag} ${i}`,
      text: `Message ${i}.`,
      date: new Date(Date.UTC(2026, 10, 1, 9, i)),
      messageId: `${tag}-${i}-${randomUUID()}@${MAIL_DOMAIN}`,
    }),
  );
}

/** The Message-IDs logged with a person (every one, not a page). */
async function loggedIds(personId: string): Promise<(string | null)[]> {
  const rows = await ctx.db
    .select({ messageId: messages.messageId })
    .from(messages)
    .where(and(eq(messages.workspaceId, ctx.workspaceId), eq(messages.personId, personId)));
  return rows.map((r) => r.messageId);
}

async function stopped(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('bad mail loses nothing', () => {
  it('keeps the text of a mail with a 25 MB attachment and reads none of the attachment', async () => {
    const address = uniqueAddress('bob');
    const person = await createPerson({ ...ctx, input: { fullName: 'Big Attachment', email: address } });
    const boundary = 'b-1';
    const attachment = Buffer.alloc(25 * 1024 * 1024, 7)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    const raw = [
      `From: Big <${address}>`,
      `To: alice@${MAIL_DOMAIN}`,
      'Subject: My portfolio',
      `Date: ${new Date('2026-11-20T10:00:00Z').toUTCString()}`,
      `Message-ID: <big-${randomUUID()}@${MAIL_DOMAIN}>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The portfolio is attached, as promised.',
      `--${boundary}`,
      'Content-Type: application/pdf; name="portfolio.pdf"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="portfolio.pdf"',
      '',
      attachment,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    await folderAsInbox([raw]);
    const before = relay.received();
    const report = await syncMail(ctx);
    const read = relay.received() - before;
    expect(report.stored).toBe(1);
    const [logged] = await listMessages({ ...ctx, personId: person.id });
    expect(logged).toMatchObject({ subject: 'My portfolio', direction: 'in' });
    expect(logged!.body).toContain('The portfolio is attached');
    // Nothing of the attachment is kept, and no more than a few megabytes came over the wire.
    expect(logged!.body.length).toBeLessThan(1000);
    expect(read).toBeLessThan(5 * 1024 * 1024);
  });

  it('logs mail with broken MIME, no Message-ID and an unknown charset, once', async () => {
    const address = uniqueAddress('carol');
    const person = await createPerson({ ...ctx, input: { fullName: 'Broken Mime', email: address } });
    const raw = [
      `From: Broken <${address}>`,
      `To: alice@${MAIL_DOMAIN}`,
      'Subject: =?x-no-such-charset?Q?Hallo_there?=',
      `Date: ${new Date('2026-11-21T10:00:00Z').toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="never-closed"',
      '',
      '--never-closed',
      'Content-Type: text/plain; charset=x-no-such-charset',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Hello from a broken mail client =E2=80=94 still readable.',
      '--never-clo',
      '',
    ].join('\r\n');
    await folderAsInbox([raw]);
    expect((await syncMail(ctx)).stored).toBe(1);
    const [logged] = await listMessages({ ...ctx, personId: person.id });
    expect(logged!.body).toContain('Hello from a broken mail client');
    expect(logged!.messageId).toMatch(/@import\.rapport\.invalid$/);
    // The person's last interaction moves to the mail's date.
    const [row] = await ctx.db.select().from(people).where(eq(people.id, person.id));
    expect(row!.lastInteractionAt).toEqual(new Date('2026-11-21T10:00:00Z'));
    // Read afresh (another folder, the same mail): still logged once.
    await folderAsInbox([raw]);
    expect((await syncMail(ctx)).stored).toBe(0);
    expect(await listMessages({ ...ctx, personId: person.id })).toHaveLength(1);
  });

  it('a folder deleted while it is read: says so, keeps what was logged, and the next sync goes on', async () => {
    const address = uniqueAddress('dave');
    const person = await createPerson({ ...ctx, input: { fullName: 'Vanishing Folder', email: address } });
    const mails = mailsFrom(address, 120, 'vanish');
    const folder = await folderAsInbox(mails.map((m) => m.raw));
    let deleted = false;
    const report = await syncMail({
      ...ctx,
      onProgress: async (p) => {
        // Once the first batch is committed, another mail program deletes the folder.
        if (p.folder === 'inbox' && p.done > 0 && !deleted) {
          deleted = true;
          await deleteFolder(folder);
        }
      },
    });
    expect(deleted).toBe(true);
    const kept = (await loggedIds(person.id)).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(120);
    expect(report.stored).toBe(kept);
    // Sent was still read; the missing folder is said in words, here and in Settings.
    expect(report.folders.map((f) => f.role)).toEqual(['sent']);
    expect(report.problems.join(' ')).toMatch(
      new RegExp(`folder "${folder}" disappeared.*${kept} messages logged`),
    );
    expect((await mailStatus(ctx)).lastSyncError).toMatch(/disappeared/);

    // The next sync with the folder still gone says so again and logs nothing twice.
    const again = await syncMail(ctx);
    expect(again.problems).toEqual([`The mailbox has no folder "${folder}" to read as the Inbox.`]);
    expect(again.stored).toBe(0);

    // The folder comes back (restored from elsewhere, with a new UIDVALIDITY): read afresh, no duplicates.
    await folderAsInbox(mails.map((m) => m.raw)).then(async (newFolder) => {
      await connectMail({
        ...ctx,
        input: {
          ...connectInput('alice'),
          inboxPath: newFolder,
          servers: { ...connectInput('alice').servers, imapPort: relay.port },
        },
      });
    });
    const resumed = await syncMail(ctx);
    expect(resumed.problems).toEqual([]);
    expect(resumed.stored).toBe(120 - kept);
    const all = await loggedIds(person.id);
    expect(all).toHaveLength(120);
    expect(new Set(all).size).toBe(120);
    expect((await mailStatus(ctx)).lastSyncError).toBeNull();
  });

  it('a dropped connection mid-sync: says so, keeps every committed batch, and the next sync resumes with no duplicates', async () => {
    const address = uniqueAddress('bob');
    const person = await createPerson({ ...ctx, input: { fullName: 'Dropped Line', email: address } });
    const mails = mailsFrom(address, 120, 'drop');
    await folderAsInbox(mails.map((m) => m.raw));
    let dropped = false;
    const err = await stopped(
      syncMail({
        ...ctx,
        onProgress: (p) => {
          if (p.folder === 'inbox' && p.done > 0 && !dropped) {
            dropped = true;
            relay.drop();
          }
        },
      }),
    );
    expect(err.userMessage).toMatch(
      /connection to the mail server was lost while reading "Bad-.*50 messages logged before it stopped are kept/,
    );
    expect((await mailStatus(ctx)).lastSyncError).toBe(err.userMessage);
    expect(await loggedIds(person.id)).toHaveLength(50);

    const resumed = await syncMail(ctx);
    expect(resumed.stored).toBe(70);
    // Only the rest was read: the envelopes after the last committed UID, not the folder afresh.
    expect(resumed.folders[0]!.scanned).toBeLessThanOrEqual(70);
    const all = await loggedIds(person.id);
    expect(all).toHaveLength(120);
    expect(new Set(all).size).toBe(120);
    expect((await mailStatus(ctx)).lastSyncError).toBeNull();
  });
});
