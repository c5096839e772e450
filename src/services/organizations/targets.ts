import { and, asc, eq, sql } from 'drizzle-orm';
import { organizations, targetEntries } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import { postingCaution, rankTargets, type TargetStatus } from '../../domain/lamp.js';
import { type Ctx, updateVersioned } from '../context.js';
import { knowsTheUserSql } from '../network/acquaintance.js';
import { getSettings } from '../settings/settings.js';
import { assertOrganizationInWorkspace } from './organizations.js';

export interface TargetInput {
  organizationId: string;
  motivation?: number;
  posting?: number;
  advocacyOverride?: boolean | null;
  hasOpenPosting?: boolean;
  status?: TargetStatus;
}

export interface Target {
  id: string;
  organizationId: string;
  name: string;
  motivation: number;
  posting: number;
  /** Whether someone there knows the user: the override when set, else `advocacyComputed`. */
  advocacy: boolean;
  /** True when at least one of `contacts` knows the user (ADVOCACY_RULE in domain/lamp.ts). */
  advocacyComputed: boolean;
  advocacyOverride: boolean | null;
  /** People on file who work there now or worked there before. */
  contacts: number;
  /** Those of `contacts` who know the user, by ADVOCACY_RULE. */
  advocates: number;
  hasOpenPosting: boolean;
  caution: string | null;
  status: TargetStatus;
  rank: number;
  working: boolean;
  version: number;
}

/** People of the workspace who work at the target's organization now or worked there before. */
const atTarget = sql`p.workspace_id = "target_entries"."workspace_id"
  and (p.organization_id = "target_entries"."organization_id"
    or "target_entries"."organization_id" = any(p.past_organization_ids))`;

/** The LAMP list, ranked; the top N active employers are the ones to work now. */
export async function listTargets(ctx: Ctx): Promise<Target[]> {
  const settings = await getSettings(ctx);
  const rows = await ctx.db
    .select({
      t: targetEntries,
      name: organizations.name,
      contacts: sql<number>`(select count(*)::int from people p where ${atTarget})`,
      advocates: sql<number>`(select count(*)::int from people p where ${atTarget} and ${knowsTheUserSql(sql`p.id`)})`,
    })
    .from(targetEntries)
    .innerJoin(organizations, eq(organizations.id, targetEntries.organizationId))
    .where(eq(targetEntries.workspaceId, ctx.workspaceId))
    .orderBy(asc(organizations.name));
  const byId = new Map(rows.map((r) => [r.t.id, r]));
  const ranked = rankTargets(
    rows.map((r) => ({
      id: r.t.id,
      name: r.name,
      motivation: r.t.motivation,
      posting: r.t.posting,
      advocacy: r.t.advocacyOverride ?? r.advocates > 0,
      status: r.t.status as TargetStatus,
    })),
    settings.activeTargets,
  );
  return ranked.map((x) => {
    const r = byId.get(x.id)!;
    return {
      ...x,
      organizationId: r.t.organizationId,
      advocacyComputed: r.advocates > 0,
      advocacyOverride: r.t.advocacyOverride,
      contacts: r.contacts,
      advocates: r.advocates,
      hasOpenPosting: r.t.hasOpenPosting,
      caution: postingCaution({ posting: r.t.posting, hasOpenPosting: r.t.hasOpenPosting }),
      version: r.t.version,
    };
  });
}

async function getTarget(ctx: Ctx, id: string): Promise<Target> {
  const found = (await listTargets(ctx)).find((t) => t.id === id);
  if (!found) throw notFound('target', id);
  return found;
}

/** Puts an organization on the target list. */
export async function addTarget(ctx: Ctx & { input: TargetInput }): Promise<Target> {
  const { input } = ctx;
  await assertOrganizationInWorkspace(ctx, input.organizationId, 'organizationId');
  const [row] = await ctx.db
    .insert(targetEntries)
    .values({
      workspaceId: ctx.workspaceId,
      organizationId: input.organizationId,
      motivation: input.motivation ?? 0,
      posting: input.posting ?? 1,
      advocacyOverride: input.advocacyOverride ?? null,
      hasOpenPosting: input.hasOpenPosting ?? false,
      status: input.status ?? 'active',
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    throw new AppError('conflict', {
      userMessage: 'This organization is already on your target list.',
      issues: [{ field: 'organizationId', message: 'already on the target list' }],
    });
  }
  return getTarget(ctx, row.id);
}

/** Changes scores or status; ruling one out or marking it exhausted promotes the next. */
export async function updateTarget(
  ctx: Ctx & { id: string; version?: number; input: Partial<Omit<TargetInput, 'organizationId'>> },
): Promise<Target> {
  await updateVersioned(ctx, targetEntries, 'target', ctx.id, ctx.version, { ...ctx.input });
  return getTarget(ctx, ctx.id);
}

/** Takes an organization off the target list (the organization stays). */
export async function removeTarget(ctx: Ctx & { id: string }): Promise<void> {
  const rows = await ctx.db
    .delete(targetEntries)
    .where(and(eq(targetEntries.id, ctx.id), eq(targetEntries.workspaceId, ctx.workspaceId)))
    .returning({ id: targetEntries.id });
  if (!rows.length) throw notFound('target', ctx.id);
}
