import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { todayAgenda } from '../agenda/agenda.js';
import type { Ctx } from '../context.js';
import { importMailFile } from '../mail/import.js';
import { listMessages, logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { createConversation, getConversation } from './conversations.js';
import { answerReply } from './reply-answer.js';

let t: TestDb;
let ctx: Ctx;
beforeAll(async () => {
  t = await openTestDb();
  ctx = t.ctx;
});
afterAll(() => t.close());

const questions = async () =>
  (await todayAgenda(ctx)).items.filter((i) => i.kind === 'reply_answer').map((i) => i.title);

/** One e-mail as a mail program saves it. */
function eml(from: string, subject: string, date: string, text: string): Uint8Array {
  return new TextEncoder().encode(
    [
      `From: ${from}`,
      'To: Me Myself <me@example.org>',
      `Subject: ${subject}`,
      `Date: ${date}`,
      `Message-ID: <${subject.replace(/\W+/g, '-')}@example.com>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
      '',
    ].join('\r\n'),
  );
}

describe('the yes-or-no question after a reply read from the mailbox', () => {
  it('asks after an imported reply, and a yes moves the request to Accepted', async () => {
    const ana = await createPerson({ ...ctx, input: { fullName: 'Ana Silva', email: 'ana@example.com' } });
    const conv = await createConversation({
      ...ctx,
      input: { type: 'learn_role', participantIds: [ana.id], title: 'Ana on course design' },
    });
    expect(conv.replyToAnswer).toBeNull();
    await importMailFile({
      ...ctx,
      bytes: new Uint8Array(readFileSync(join('test/fixtures/mail', 'takeout.mbox'))),
      fileName: 'takeout.mbox',
    });

    const asked = await getConversation({ ...ctx, id: conv.id });
    const reply = (await listMessages({ ...ctx, personId: ana.id, direction: 'in' })).find(
      (m) => m.purpose === 'reply',
    )!;
    expect(asked.status).toBe('requested');
    expect(asked.repliedAt).toEqual(new Date('2026-11-03T10:00:00Z'));
    expect(asked.replyToAnswer).toEqual({
      at: new Date('2026-11-03T10:00:00Z'),
      personId: ana.id,
      personName: 'Ana Silva',
      messageLogId: reply.id,
      subject: 'Re: Twenty minutes about your work?',
    });
    expect(await questions()).toEqual(['Did Ana Silva agree to talk? (Ana on course design)']);
    const item = (await todayAgenda(ctx)).items.find((i) => i.kind === 'reply_answer')!;
    expect(item.detail).toContain('Ana Silva replied on Tue 3 Nov (read from your mailbox).');
    expect(item.conversationId).toBe(conv.id);

    const answered = await answerReply({ ...ctx, id: conv.id, answer: 'yes', version: asked.version });
    expect(answered.status).toBe('accepted');
    expect(answered.replyToAnswer).toBeNull();
    // The reply time stays the mail's, for the results.
    expect(answered.repliedAt).toEqual(new Date('2026-11-03T10:00:00Z'));
    expect(answered.history.at(-1)).toMatchObject({
      fromStatus: 'requested',
      toStatus: 'accepted',
      note: 'They agreed to talk (reply read from your mailbox).',
    });
    // The reply is no longer a guess.
    const confirmed = (await listMessages({ ...ctx, personId: ana.id })).find((m) => m.id === reply.id)!;
    expect(confirmed).toMatchObject({ purpose: 'reply', purposeInferred: false });
    expect(await questions()).toEqual([]);

    // Asked once: a second answer is refused in a sentence.
    await expect(answerReply({ ...ctx, id: conv.id, answer: 'no' })).rejects.toThrow(
      /No reply is waiting for your answer here/,
    );
  });

  it('a no closes the request as Declined, and the reply becomes their decline', async () => {
    const dan = await createPerson({ ...ctx, input: { fullName: 'Dan Reyes', email: 'dan@example.com' } });
    const conv = await createConversation({
      ...ctx,
      input: { type: 'learn_company', participantIds: [dan.id], title: 'Dan at the museum' },
    });
    await logMessage({
      ...ctx,
      input: {
        personId: dan.id,
        conversationId: conv.id,
        channel: 'email',
        direction: 'out',
        purpose: 'request',
        at: new Date('2026-11-16T09:00:00Z'),
      },
    });
    await importMailFile({
      ...ctx,
      bytes: eml(
        'Dan Reyes <dan@example.com>',
        'Re: A short talk',
        'Fri, 20 Nov 2026 15:00:00 +0000',
        'Sorry, not this month.',
      ),
      fileName: 'reply.eml',
    });
    const asked = await getConversation({ ...ctx, id: conv.id });
    expect(asked.replyToAnswer).toMatchObject({ personName: 'Dan Reyes', subject: 'Re: A short talk' });
    expect(await questions()).toContain('Did Dan Reyes agree to talk? (Dan at the museum)');

    // A stale page is refused, not applied.
    await expect(
      answerReply({ ...ctx, id: conv.id, answer: 'no', version: asked.version + 5 }),
    ).rejects.toThrow(/changed elsewhere/);
    const declined = await answerReply({ ...ctx, id: conv.id, answer: 'no' });
    expect(declined.status).toBe('declined');
    expect(declined.replyToAnswer).toBeNull();
    const [reply] = await listMessages({ ...ctx, personId: dan.id, direction: 'in' });
    expect(reply).toMatchObject({ purpose: 'decline', purposeInferred: false });
    expect(await questions()).not.toContain('Did Dan Reyes agree to talk? (Dan at the museum)');
  });

  it('asks nothing after a reply logged by hand, which already says yes or no', async () => {
    const eve = await createPerson({ ...ctx, input: { fullName: 'Eve Hand' } });
    const conv = await createConversation({
      ...ctx,
      input: { type: 'learn_role', participantIds: [eve.id], title: 'Eve by hand' },
    });
    for (const [direction, purpose] of [
      ['out', 'request'],
      ['in', 'reply'],
    ] as const) {
      await logMessage({
        ...ctx,
        input: { personId: eve.id, conversationId: conv.id, channel: 'email', direction, purpose },
      });
    }
    const after = await getConversation({ ...ctx, id: conv.id });
    expect(after.status).toBe('accepted');
    expect(after.replyToAnswer).toBeNull();
  });
});
