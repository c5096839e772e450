import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { connectInput, eventually, imapRelay, sendAs, testKey, uniqueAddress } from '../../../test/mail.js';
import type { Ctx } from '../context.js';
import { listMessages } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { connectMail, disconnectMail } from './account.js';
import { scheduleMailSync } from './schedule.js';
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

describe('the server watching the Inbox (IDLE)', () => {
  it('logs new mail within seconds without a sync being asked for, and comes back after a dropped connection', async () => {
    const bobAddress = uniqueAddress('bob');
    const bob = await createPerson({ ...ctx, input: { fullName: 'Bob Idle', email: bobAddress } });
    const base = connectInput('alice');
    await connectMail({ ...ctx, input: { ...base, servers: { ...base.servers, imapPort: relay.port } } });
    await syncMail(ctx);

    let watching = 0;
    // The rounds are an hour apart: only the Inbox watch can log the mail in time.
    const stop = scheduleMailSync(() => ctx, {
      firstMs: 3_600_000,
      everyMs: 3_600_000,
      accountCheckMs: 200,
      retryFirstMs: 200,
      onWatching: () => {
        watching++;
      },
    });
    try {
      await eventually(async () => (watching >= 1 ? true : undefined), 10_000, 'the watch starts');
      const logged = async (subject: string) =>
        eventually(
          async () => {
            const list = await listMessages({ ...ctx, personId: bob.id });
            return list.some((m) => m.subject === subject) ? list : undefined;
          },
          8_000,
          `"${subject}" is logged`,
        );

      const sentAt = Date.now();
      await sendAs('bob', {
        from: `Bob <${bobAddress}>`,
        to: 'alice@rapport.test',
        subject: 'Straight in',
        text: 'Are you free next week?',
        date: new Date(),
      });
      const first = await logged('Straight in');
      expect(Date.now() - sentAt).toBeLessThan(8_000);
      expect(first[0]).toMatchObject({ direction: 'in', subject: 'Straight in' });
      expect(first[0]!.body).toContain('free next week');

      // The connection drops (network, server restart): the watch reconnects and catches up.
      relay.drop();
      await sendAs('bob', {
        from: `Bob <${bobAddress}>`,
        to: 'alice@rapport.test',
        subject: 'While you were away',
        text: 'Second try.',
        date: new Date(),
      });
      await eventually(async () => (watching >= 2 ? true : undefined), 10_000, 'the watch comes back');
      await logged('While you were away');
      await sendAs('bob', {
        from: `Bob <${bobAddress}>`,
        to: 'alice@rapport.test',
        subject: 'After the drop',
        text: 'Third.',
        date: new Date(),
      });
      const all = await logged('After the drop');
      expect(all.map((m) => m.subject).sort()).toEqual([
        'After the drop',
        'Straight in',
        'While you were away',
      ]);

      // Disconnecting the mailbox ends the watch's connection.
      await disconnectMail({ ...ctx, forgetMessages: false });
      await eventually(async () => (relay.open() === 0 ? true : undefined), 5_000, 'the watch lets go');
    } finally {
      await stop();
    }
    expect(relay.open()).toBe(0);
  });

  it('stops cleanly when the server shuts down: its connection closes', async () => {
    const base = connectInput('alice');
    await connectMail({ ...ctx, input: { ...base, servers: { ...base.servers, imapPort: relay.port } } });
    let watching = false;
    const stop = scheduleMailSync(() => ctx, {
      firstMs: 3_600_000,
      everyMs: 3_600_000,
      onWatching: () => {
        watching = true;
      },
    });
    await eventually(async () => (watching ? true : undefined), 10_000, 'the watch starts');
    await eventually(async () => (relay.open() === 1 ? true : undefined), 2_000, 'one connection waits');
    await stop();
    await eventually(async () => (relay.open() === 0 ? true : undefined), 2_000, 'the connection closes');
  });

  it('where the server offers no IDLE, keeps no connection open and reads the mailbox on the rounds', async () => {
    const plain = await imapRelay({ withoutIdle: true });
    try {
      const address = uniqueAddress('bob');
      const person = await createPerson({ ...ctx, input: { fullName: 'Bob Rounds', email: address } });
      const base = connectInput('alice');
      await connectMail({ ...ctx, input: { ...base, servers: { ...base.servers, imapPort: plain.port } } });
      await syncMail(ctx);
      let watching = false;
      const stop = scheduleMailSync(() => ctx, {
        firstMs: 3_600_000,
        everyMs: 1_500,
        onWatching: () => {
          watching = true;
        },
      });
      try {
        await sendAs('bob', {
          from: `Bob <${address}>`,
          to: 'alice@rapport.test',
          subject: 'On the next round',
          text: 'No hurry.',
          date: new Date(),
        });
        await eventually(
          async () => ((await listMessages({ ...ctx, personId: person.id })).length ? true : undefined),
          10_000,
          'a round logs the mail',
        );
        expect(watching).toBe(false);
        // Between rounds nothing stays connected.
        await eventually(async () => (plain.open() === 0 ? true : undefined), 5_000, 'no connection waits');
      } finally {
        await stop();
      }
    } finally {
      await plain.close();
    }
  });
});
