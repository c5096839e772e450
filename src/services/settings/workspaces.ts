import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users, workspaces } from '../../db/schema.js';
import { DEFAULT_MY_NAME } from '../../domain/settings.js';

/** The machine's zone: the CLI and a new local user start on it, as the computer's clock does. */
function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

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
      .values({
        workspaceId: existing.id,
        name: DEFAULT_MY_NAME,
        timeZone: machineTimeZone(),
        createdAt: now,
      })
      .returning();
    return { workspaceId: existing.id, userId: created!.id };
  }
  return db.transaction(async (tx) => {
    const [ws] = await tx.insert(workspaces).values({ name: 'My workspace', createdAt: now }).returning();
    const [user] = await tx
      .insert(users)
      .values({ workspaceId: ws!.id, name: DEFAULT_MY_NAME, timeZone: machineTimeZone(), createdAt: now })
      .returning();
    return { workspaceId: ws!.id, userId: user!.id };
  });
}
