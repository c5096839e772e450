import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import {
  appendAs,
  connectInput,
  rawMail,
  sendAs,
  testKey,
  uniqueAddress,
  waitForMessage,
} from '../../../test/mail.js';
import { mailAccounts, messages } from '../../db/schema.js';
import { todayAgenda } from '../agenda/agenda.js';
import type { Ctx } from '../context.js';
import { createConversation, getConversation } from '../conversations/conversations.js';
import { listMessages } from '../outreach/messages.js';
import { createPerson, updatePerson } from '../people/people.js';
import { connectMail, disconnectMail, mailStatus } from './account.js';
import { MailConnectionError } from './connection.js';
import { syncMail } from './sync.js';

let t: TestDb;
let ctx: Ctx;
beforeAll(async () => {
  t = await openTestDb();
  ctx = { ...t.ctx, secretKey: testKey() };
});
afterAll(() => t.close());

async function failure(p: Promise<unknown>): Promise<MailConnectionError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MailConnectionError);
  return err as MailConnectionError;
}

describe('connecting a mailbox', () => {
  it('says which step failed and saves nothing', async () => {
    const login = await failure(connectMail({ ...ctx, input: connectInput('alice', { secret: 'wrong' }) }));
    expect(login.step).toBe('login');
    expect(login.userMessage).toMatch(/IMAP login failed/);

    const base = connectInput('alice');
    const dns = await failure(
      connectMail({
        ...ctx,
        input: {
          ...base,
          servers: { ...base.servers, imapHost: 'no-such-host.invalid', imapSecurity: 'tls' },
        },
      }),
    );
    expect(dns.step).toBe('dns');
    expect(dns.userMessage).toMatch(/not found \(DNS\)/);

    const tls = await failure(
      connectMail({ ...ctx, input: { ...base, servers: { ...base.servers, imapSecurity: 'tls' } } }),
    );
    expect(tls.step).toBe('tls');

    const folder = await failure(connectMail({ ...ctx, input: { ...base, sentPath: 'Nowhere' } }));
    expect(folder.step).toBe('folder');
    expect(folder.userMessage).toMatch(/"Nowhere"/);

    expect((await mailStatus(ctx)).connected).toBe(false);
  });

  it('refuses an unencrypted password to a server elsewhere', async () => {
    const base = connectInput('alice');
    await expect(
      connectMail({ ...ctx, input: { ...base, servers: { ...base.servers, smtpHost: 'smtp.example.com' } } }),
    ).rejects.toThrow(/only allowed for a server on this machine/);
  });

  it('saves the password sealed, finds Sent by its SPECIAL-USE flag and never shows the password', async () => {
    const status = await connectMail({ ...ctx, input: connectInput('alice') });
    expect(status).toMatchObject({ connected: true, address: 'alice@rapport.test', lastSyncError: null });
    expect(JSON.stringify(status)).not.toContain('rapport-test');
    const [row] = await ctx.db
      .select()
      .from(mailAccounts)
      .where(eq(mailAccounts.workspaceId, ctx.workspaceId));
    expect(row!.secretSealed).not.toContain('rapport-test');
  });
});

describe('sync', () => {
  it('logs mail with known people only, infers the request, records the reply and stops the follow-up', async () => {
    const bobAddress = uniqueAddress('bob');
    const bob = await createPerson({ ...ctx, input: { fullName: 'Bob Mailer', email: bobAddress } });
    const conversation = await createConversation({
      ...ctx,
      input: { type: 'learn_company', participantIds: [bob.id], title: 'Talk with Bob' },
    });
    // Alice's mail client sent a request and kept it in her Sent folder (found as "Sent Items").
    t.clock.set('2026-11-23T09:00:00Z');
    const request = rawMail({
      from: 'Alice <alice@rapport.test>',
      to: `Bob <${bobAddress}>`,
      subject: 'Twenty minutes about your work?',
      text: 'Hi Bob, could we talk for twenty minutes?',
      date: new Date('2026-11-23T08:30:00Z'),
    });
    await appendAs('alice', 'Sent Items', request.raw);
    // Mail with a stranger stays on the server.
    const stranger = uniqueAddress('carol');
    const other = rawMail({
      from: 'alice@rapport.test',
      to: stranger,
      subject: 'Private',
      text: 'Not for Rapport',
      date: new Date('2026-11-23T08:40:00Z'),
    });
    await appendAs('alice', 'Sent Items', other.raw);

    const first = await syncMail(ctx);
    expect(first.folders.map((f) => f.role)).toEqual(['inbox', 'sent']);
    expect(first.folders[1]!.path).toBe('Sent Items');
    const logged = await listMessages({ ...ctx, personId: bob.id });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      direction: 'out',
      purpose: 'request',
      purposeInferred: true,
      conversationId: conversation.id,
      messageId: request.messageId,
      subject: 'Twenty minutes about your work?',
    });
    expect(logged[0]!.body).toContain('could we talk');
    expect((await getConversation({ ...ctx, id: conversation.id })).status).toBe('requested');
    const all = await ctx.db.select().from(messages).where(eq(messages.workspaceId, ctx.workspaceId));
    expect(all.map((m) => m.messageId)).not.toContain(other.messageId);

    // Seven business days on, 3B7 says follow up.
    t.clock.set('2026-12-02T09:00:00Z');
    const followUp = 'follow_up:Follow up: Talk with Bob';
    const keys = async () => (await todayAgenda(ctx)).items.map((i) => `${i.kind}:${i.title}`);
    expect(await keys()).toContain(followUp);

    // Bob answers from his own mail program, on the thread; the next sync records it.
    const replyId = await sendAs('bob', {
      from: `Bob <${bobAddress}>`,
      to: 'alice@rapport.test',
      subject: 'Re: Twenty minutes about your work?',
      text: 'Happy to. Thursday?',
      date: new Date('2026-12-02T08:00:00Z'),
      inReplyTo: `<${request.messageId}>`,
      references: [`<${request.messageId}>`],
    });
    await waitForMessage('alice', 'INBOX', replyId);
    const second = await syncMail(ctx);
    expect(second.stored).toBe(1);
    const reply = (await listMessages({ ...ctx, personId: bob.id, direction: 'in' }))[0]!;
    expect(reply).toMatchObject({ purpose: 'reply', purposeInferred: true, conversationId: conversation.id });
    expect(reply.body).toContain('Thursday?');
    expect(await keys()).not.toContain(followUp);
    // The status waits for the user's yes or no; the reply counts already.
    const after = await getConversation({ ...ctx, id: conversation.id });
    expect(after.status).toBe('requested');
    // ... and the conversation asks it: did they agree to talk? (Today asks too.)
    expect(after.replyToAnswer).toMatchObject({
      personId: bob.id,
      personName: 'Bob Mailer',
      messageLogId: reply.id,
      subject: 'Re: Twenty minutes about your work?',
    });
    expect(await keys()).toContain('reply_answer:Did Bob Mailer agree to talk? (Talk with Bob)');

    // Syncing again never logs twice (other test files may be delivering to the same mailbox meanwhile).
    const third = await syncMail(ctx);
    expect(third.stored).toBe(0);
    expect(await listMessages({ ...ctx, personId: bob.id })).toHaveLength(2);
    expect((await mailStatus(ctx)).lastSyncAt).toEqual(t.clock.now());
  });

  it('never stores excluded addresses', async () => {
    const dave = uniqueAddress('dave');
    const person = await createPerson({ ...ctx, input: { fullName: 'Dave Excluded', email: dave } });
    await connectMail({ ...ctx, input: connectInput('alice', { excluded: [dave] }) });
    const id = await sendAs('dave', {
      from: dave,
      to: 'alice@rapport.test',
      subject: 'Hello',
      text: 'Private',
      date: t.clock.now(),
    });
    await waitForMessage('alice', 'INBOX', id);
    await syncMail(ctx);
    expect(await listMessages({ ...ctx, personId: person.id })).toEqual([]);
  });

  it('an address added to a person later picks up their past mail on the next sync', async () => {
    const carol = uniqueAddress('carol');
    const id = await sendAs('carol', {
      from: carol,
      to: 'alice@rapport.test',
      subject: 'Before you knew me',
      text: 'We met at the fair.',
      date: t.clock.now(),
    });
    await waitForMessage('alice', 'INBOX', id);
    // Read past while Carol is unknown: her mail stays on the server.
    await syncMail(ctx);
    const person = await createPerson({ ...ctx, input: { fullName: 'Carol Later' } });
    expect(await listMessages({ ...ctx, personId: person.id })).toEqual([]);

    t.clock.advance(60_000);
    await updatePerson({ ...ctx, id: person.id, input: { email: carol } });
    const next = await syncMail(ctx);
    expect(next.stored).toBe(1);
    expect((await listMessages({ ...ctx, personId: person.id })).map((m) => m.subject)).toEqual([
      'Before you knew me',
    ]);
  });

  it('disconnecting removes the password and, when asked, every synced message', async () => {
    const before = await ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.workspaceId, ctx.workspaceId)));
    expect(before.length).toBeGreaterThan(0);
    const { removedMessages } = await disconnectMail({ ...ctx, forgetMessages: true });
    expect(removedMessages).toBe(before.filter((m) => m.messageId).length);
    expect((await mailStatus(ctx)).connected).toBe(false);
    expect(await ctx.db.select().from(mailAccounts)).toEqual([]);
    await expect(syncMail(ctx)).rejects.toThrow(/No mailbox is connected/);
  });
});
