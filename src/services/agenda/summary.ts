import { count, eq } from 'drizzle-orm';
import { conversations, organizations, people, workspaces } from '../../db/schema.js';
import type { Ctx } from '../context.js';

/** What the home page needs to tell an empty workspace from a working one. */
export async function workspaceSummary(ctx: Ctx) {
  const [[ws], [p], [o], [c]] = await Promise.all([
    ctx.db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, ctx.workspaceId)),
    ctx.db.select({ n: count() }).from(people).where(eq(people.workspaceId, ctx.workspaceId)),
    ctx.db.select({ n: count() }).from(organizations).where(eq(organizations.workspaceId, ctx.workspaceId)),
    ctx.db.select({ n: count() }).from(conversations).where(eq(conversations.workspaceId, ctx.workspaceId)),
  ]);
  return {
    name: ws?.name ?? 'My workspace',
    counts: { people: p?.n ?? 0, organizations: o?.n ?? 0, conversations: c?.n ?? 0 },
  };
}
