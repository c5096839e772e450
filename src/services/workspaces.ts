import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users, workspaces } from '../db/schema.js';

/**
 * The single workspace and user of local mode, created on first start. `now` is the caller's clock,
 * as for every row a service writes (tests pass their fixed clock).
 */
export async function ensureDefaultWorkspace(
  db: Db,
  now: Date = new Date(),
): Promise<{ workspaceId: string; userId: string }> {
  const [existing] = await db.select().from(workspaces).orderBy(asc(workspaces.createdAt)).limit(1);
  if (existing) {
    const [user] = await db.select().from(users).where(eq(users.workspaceId, existing.id)).limit(1);
    if (user) return { workspaceId: existing.id, userId: user.id };
    const [created] = await db
      .insert(users)
      .values({ workspaceId: existing.id, name: 'Me', createdAt: now })
      .returning();
    return { workspaceId: existing.id, userId: created!.id };
  }
  return db.transaction(async (tx) => {
    const [ws] = await tx.insert(workspaces).values({ name: 'My workspace', createdAt: now }).returning();
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const [user] = await tx
      .insert(users)
      .values({ workspaceId: ws!.id, name: 'Me', timeZone: zone, createdAt: now })
      .returning();
    return { workspaceId: ws!.id, userId: user!.id };
  });
}
