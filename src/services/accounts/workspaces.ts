import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users, workspaceMembers, workspaces } from '../../db/schema.js';

/** The workspace a signed-in account works in, and the `users` row that speaks for it there. */
export interface AccountWorkspace {
  workspaceId: string;
  userId: string;
}

/**
 * The workspace of an account, made on its first use: sign-up makes it at once, and a sign-up
 * interrupted between the account and its workspace gets it on the next request.
 */
export async function ensureAccountWorkspace(opts: {
  db: Db;
  now: () => Date;
  authUserId: string;
  name: string;
  email: string;
}): Promise<AccountWorkspace> {
  const found = await accountWorkspace(opts.db, opts.authUserId);
  if (found) return found;
  return opts.db.transaction(async (tx) => {
    const now = opts.now();
    const [ws] = await tx
      .insert(workspaces)
      .values({ name: `${opts.name || opts.email}'s workspace`, createdAt: now })
      .returning({ id: workspaces.id });
    const [user] = await tx
      .insert(users)
      .values({ workspaceId: ws!.id, name: opts.name || opts.email, email: opts.email, createdAt: now })
      .returning({ id: users.id });
    await tx.insert(workspaceMembers).values({
      workspaceId: ws!.id,
      authUserId: opts.authUserId,
      userId: user!.id,
      role: 'owner',
      createdAt: now,
    });
    return { workspaceId: ws!.id, userId: user!.id };
  });
}

/** The workspace an account owns, or null when it has none yet. */
export async function accountWorkspace(db: Db, authUserId: string): Promise<AccountWorkspace | null> {
  const [row] = await db
    .select({ workspaceId: workspaceMembers.workspaceId, userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.authUserId, authUserId), eq(workspaceMembers.role, 'owner')))
    .orderBy(workspaceMembers.createdAt)
    .limit(1);
  return row ?? null;
}

/**
 * Deletes every workspace the account owns, and with them (the foreign keys cascade) every
 * person, conversation, note, document and setting in them. Called before the account goes.
 */
export async function deleteOwnedWorkspaces(db: Db, authUserId: string): Promise<number> {
  const owned = await db
    .select({ id: workspaceMembers.workspaceId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.authUserId, authUserId), eq(workspaceMembers.role, 'owner')));
  if (!owned.length) return 0;
  const ids = owned.map((o) => o.id);
  await db.delete(workspaces).where(inArray(workspaces.id, ids));
  return ids.length;
}
