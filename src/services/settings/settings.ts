import { eq } from 'drizzle-orm';
import { users, workspaces } from '../../db/schema.js';
import { invalidField } from '../../domain/errors.js';
import { isValidTimeZone } from '../../domain/meeting-rules.js';
import { DEFAULT_MY_NAME, readSettings, type Settings } from '../../domain/settings.js';
import type { Ctx } from '../context.js';

export interface WorkspaceSettings extends Settings {
  /** The user's own time zone: "today" and business days are counted in it. */
  timeZone: string;
  myName: string;
}

/** The workspace's settings with defaults filled in, and the user's zone and name. */
export async function getSettings(ctx: Ctx): Promise<WorkspaceSettings> {
  const [ws] = await ctx.db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  const [user] = await ctx.db
    .select({ timeZone: users.timeZone, name: users.name })
    .from(users)
    .where(eq(users.id, ctx.userId));
  return {
    ...readSettings(ws?.settings),
    timeZone: user?.timeZone ?? 'UTC',
    myName: user?.name ?? DEFAULT_MY_NAME,
  };
}

/** Changes some settings; values were validated at the edge. */
export async function updateSettings(
  ctx: Ctx & { input: Partial<Settings> & { timeZone?: string; myName?: string } },
): Promise<WorkspaceSettings> {
  const { timeZone, myName, ...rest } = ctx.input;
  if (timeZone !== undefined && !isValidTimeZone(timeZone))
    throw invalidField('timeZone', 'unknown time zone');
  const current = await getSettings(ctx);
  const { timeZone: _z, myName: _n, ...stored } = current;
  await ctx.db
    .update(workspaces)
    .set({ settings: { ...stored, ...rest } })
    .where(eq(workspaces.id, ctx.workspaceId));
  if (timeZone !== undefined || myName !== undefined) {
    await ctx.db
      .update(users)
      .set({ ...(timeZone ? { timeZone } : {}), ...(myName ? { name: myName } : {}) })
      .where(eq(users.id, ctx.userId));
  }
  return getSettings(ctx);
}
