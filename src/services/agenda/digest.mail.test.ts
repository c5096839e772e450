import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { connectInput, eventually, imapAs, testKey, waitForMessage } from '../../../test/mail.js';
import { digestSends } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { connectMail } from '../mail/account.js';
import { updateSettings } from '../settings/settings.js';
import { createTask } from '../tasks/tasks.js';
import { scheduleDigest, sendDigestIfDue } from './digest.js';

let t: TestDb;
let ctx: Ctx;
beforeAll(async () => {
  t = await openTestDb();
  ctx = { ...t.ctx, secretKey: testKey() };
});
afterAll(() => t.close());

/** The raw message with this Message-ID in carol's Inbox. */
async function fetchRaw(messageId: string): Promise<string> {
  const uid = await waitForMessage('carol', 'INBOX', messageId);
  const client = await imapAs('carol');
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
      return msg ? msg.source!.toString('utf8') : '';
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

describe('the daily digest through a real mailbox', () => {
  it('arrives in the user’s own Inbox once a day, with what is due and the week ahead', async () => {
    await connectMail({ ...ctx, input: connectInput('carol') });
    await updateSettings({ ...ctx, input: { digestEnabled: true, digestHour: 8, timeZone: 'UTC' } });
    const title = `Digest call ${Date.now()}`;
    await createTask({ ...ctx, input: { title, dueOn: '2026-11-23' } });
    await createTask({ ...ctx, input: { title: 'Coffee with Lin', dueOn: '2026-11-25' } });

    const first = await sendDigestIfDue(ctx);
    expect(first).toMatchObject({ sent: '2026-11-23', to: 'carol@rapport.test' });
    const raw = await fetchRaw((first as { messageId: string }).messageId);
    expect(raw).toMatch(/^Subject: Today in Rapport: 1 thing to do \(Monday 23 November\)/m);
    expect(raw).toMatch(/^To: carol@rapport\.test/m);
    expect(raw).toContain(title);
    expect(raw).toContain('Wednesday 25 November: Coffee with Lin');
    expect(raw).toContain('text/html');

    // Later the same day: already sent.
    t.clock.advance(3 * 3_600_000);
    expect(await sendDigestIfDue(ctx)).toBe('already_sent');

    // The next morning the local server's scheduler sends the new day's digest by itself.
    t.clock.set('2026-11-24T08:00:30Z');
    const stop = scheduleDigest(() => ctx, 200);
    try {
      await eventually(
        async () => {
          const rows = await ctx.db
            .select()
            .from(digestSends)
            .where(eq(digestSends.workspaceId, ctx.workspaceId));
          return rows.length === 2 ? rows : undefined;
        },
        20_000,
        'the second day’s digest is sent',
      );
    } finally {
      await stop();
    }
    expect(await sendDigestIfDue(ctx)).toBe('already_sent');
  });
});
