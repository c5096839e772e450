import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accountInvites } from '../../db/schema.js';

/** How long an invitation code can be used. */
const INVITE_DAYS = 14;

function hashCode(code: string): string {
  return createHash('sha256').update(code.trim()).digest('hex');
}

/** Makes an invitation code for one sign-up; only its hash is kept, so it is shown once. */
export async function createInvite(opts: {
  db: Db;
  now: () => Date;
  createdBy: string | null;
}): Promise<{ code: string; expiresAt: Date }> {
  const code = `rapport-invite-${randomBytes(18).toString('base64url')}`;
  const now = opts.now();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  await opts.db
    .insert(accountInvites)
    .values({ codeHash: hashCode(code), createdBy: opts.createdBy, createdAt: now, expiresAt });
  return { code, expiresAt };
}

/** Uses up an invitation code; false when it is unknown, used already or expired. */
export async function consumeInvite(opts: { db: Db; now: () => Date; code: string }): Promise<boolean> {
  const now = opts.now();
  const used = await opts.db
    .update(accountInvites)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountInvites.codeHash, hashCode(opts.code)),
        isNull(accountInvites.usedAt),
        gt(accountInvites.expiresAt, now),
      ),
    )
    .returning({ id: accountInvites.id });
  return used.length > 0;
}
