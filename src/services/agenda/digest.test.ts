import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { digestSends, mailAccounts } from '../../db/schema.js';
import { createApp } from '../../server/app.js';
import type { Ctx } from '../context.js';
import { seal } from '../mail/secret.js';
import { updateSettings } from '../settings/settings.js';
import { createTask } from '../tasks/tasks.js';
import { composeDigest, DIGEST_GROUP_CAP, sendDigestIfDue } from './digest.js';

let t: TestDb;
let ctx: Ctx;
let app: ReturnType<typeof createApp>;
const key = randomBytes(32);

beforeAll(async () => {
  t = await openTestDb();
  ctx = { ...(await t.otherWorkspace()), secretKey: () => key };
  app = createApp({ context: () => ctx, webDir: null });
});
afterAll(() => t.close());

const patch = (json: unknown) =>
  app.request('/api/settings', {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', host: 'localhost' },
    body: JSON.stringify(json),
  });

/** A mailbox whose SMTP server cannot be reached: nothing here may really send. */
async function unreachableMailbox() {
  const now = ctx.now();
  await ctx.db.insert(mailAccounts).values({
    workspaceId: ctx.workspaceId,
    address: 'me@example.test',
    imapHost: '127.0.0.1',
    imapPort: 1,
    imapSecurity: 'none',
    smtpHost: '127.0.0.1',
    smtpPort: 1,
    smtpSecurity: 'none',
    username: 'me',
    secretSealed: seal(key, 'secret'),
    createdAt: now,
    updatedAt: now,
  });
}

async function claimedDays(): Promise<string[]> {
  const rows = await ctx.db
    .select({ d: digestSends.localDate })
    .from(digestSends)
    .where(eq(digestSends.workspaceId, ctx.workspaceId));
  return rows.map((r) => r.d);
}

describe('the daily digest of Today', () => {
  it('is off until asked for; the switch and hour are settings, checked at the edge', async () => {
    expect(await sendDigestIfDue(ctx)).toBe('off');
    const bad = await patch({ digestHour: 24 });
    expect(bad.status).toBe(400);
    expect((await patch({ activeTargets: 9 })).status).toBe(200);
    const res = await patch({ digestEnabled: true, digestHour: 8, timeZone: 'America/New_York' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ digestEnabled: true, digestHour: 8 });
    // A change names only what it changes: the other settings stay as they were.
    const hour = await patch({ digestHour: 9 });
    expect(await hour.json()).toMatchObject({ digestEnabled: true, digestHour: 9, activeTargets: 9 });
    expect(await (await patch({ digestHour: 8 })).json()).toMatchObject({
      digestEnabled: true,
      digestHour: 8,
    });
  });

  it('waits for the hour in the user’s zone, and needs a connected mailbox', async () => {
    // 09:00 UTC is 04:00 in New York.
    t.clock.set('2026-11-23T09:00:00Z');
    expect(await sendDigestIfDue(ctx)).toBe('too_early');
    t.clock.set('2026-11-23T13:05:00Z');
    expect(await sendDigestIfDue(ctx)).toBe('no_mailbox');
    await unreachableMailbox();
    // A mailbox, but nothing due: no e-mail, and the day is not used up.
    expect(await sendDigestIfDue(ctx)).toBe('nothing_due');
    expect(await claimedDays()).toEqual([]);
  });

  it('lists what is due today, then the week ahead by day, in text and in HTML', async () => {
    await createTask({ ...ctx, input: { title: 'Send Ada the <R&D> deck', dueOn: '2026-11-23' } });
    await createTask({ ...ctx, input: { title: 'Thank Grace', dueOn: '2026-11-20' } });
    await createTask({ ...ctx, input: { title: 'Call Bob', dueOn: '2026-11-26' } });
    await createTask({ ...ctx, input: { title: 'Far away', dueOn: '2027-02-01' } });
    const mail = await composeDigest(ctx, { appUrl: 'https://rapport.example.org' });
    expect(mail).not.toBeNull();
    expect(mail!.subject).toBe('Today in Rapport: 2 things to do (Monday 23 November)');
    expect(mail!.text).toContain('- Send Ada the <R&D> deck\n');
    expect(mail!.text).toContain('- Thank Grace (overdue)');
    expect(mail!.text).toContain('Coming up this week\n\n- Thursday 26 November: Call Bob');
    expect(mail!.text).toContain('https://rapport.example.org/today');
    expect(mail!.text).not.toContain('Far away');
    expect(mail!.html).toContain('<li>Send Ada the &#60;R&#38;D&#62; deck</li>');
    expect(mail!.html).toContain('<h3>Coming up this week</h3>');
  });

  it('goes out once a day: a day already sent is not sent again, and a failed send gives the day back', async () => {
    // The mailbox cannot be reached: the send fails and the next look may try again.
    await expect(sendDigestIfDue(ctx)).rejects.toThrow();
    expect(await claimedDays()).toEqual([]);
    // Another process sent today's digest already.
    await ctx.db
      .insert(digestSends)
      .values({ workspaceId: ctx.workspaceId, localDate: '2026-11-23', sentAt: ctx.now() });
    expect(await sendDigestIfDue(ctx)).toBe('already_sent');
    t.clock.set('2026-11-23T23:30:00Z');
    expect(await sendDigestIfDue(ctx)).toBe('already_sent');
    // The next morning in New York is a new day: it tries again (and fails on this mailbox).
    t.clock.set('2026-11-24T13:01:00Z');
    await expect(sendDigestIfDue(ctx)).rejects.toThrow();
    const rows = await ctx.db
      .select()
      .from(digestSends)
      .where(and(eq(digestSends.workspaceId, ctx.workspaceId), eq(digestSends.localDate, '2026-11-24')));
    expect(rows).toEqual([]);
  });

  it('leaves another workspace alone', async () => {
    const other = await t.otherWorkspace();
    await updateSettings({ ...other, input: { digestEnabled: true, digestHour: 0 } });
    expect(await sendDigestIfDue(other)).toBe('no_mailbox');
  });
});

describe('the digest of a long Today', () => {
  it('lists the first items of each kind and counts the rest', async () => {
    ctx = { ...(await t.otherWorkspace()), secretKey: () => key };
    t.clock.set('2026-11-23T09:00:00Z');
    for (let i = 0; i < 25; i++) {
      await createTask({ ...ctx, input: { title: `Old task ${i}`, dueOn: '2026-11-20' } });
      await createTask({ ...ctx, input: { title: `Next task ${i}`, dueOn: '2026-11-26' } });
    }
    await createTask({ ...ctx, input: { title: 'Due today', dueOn: '2026-11-23' } });
    const mail = await composeDigest(ctx);
    expect(mail!.subject).toBe('Today in Rapport: 26 things to do (Monday 23 November)');
    const lines = mail!.text.split('\n');
    expect(lines.filter((l) => l.startsWith('- Old task'))).toHaveLength(DIGEST_GROUP_CAP);
    expect(mail!.text).not.toContain('Due today');
    expect(mail!.text).toContain(`- … and ${26 - DIGEST_GROUP_CAP} more on Today\n`);
    expect(lines.filter((l) => l.includes(': Next task'))).toHaveLength(DIGEST_GROUP_CAP);
    expect(mail!.text).toContain(`- … and ${25 - DIGEST_GROUP_CAP} more this week\n`);
    expect(mail!.html).toContain(`<li>… and ${26 - DIGEST_GROUP_CAP} more on Today</li>`);
  });
});
