import { and, count, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { people } from '../src/db/schema.js';
import type { Ctx } from '../src/services/context.js';
import { getPerson } from '../src/services/people/people.js';

/** How many people the workspace holds. */
export async function peopleCount(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(people)
    .where(eq(people.workspaceId, ctx.workspaceId));
  return row?.n ?? 0;
}

/** The one person of the workspace with this full name; fails the test when there are none or several. */
export async function byName(ctx: Ctx, fullName: string) {
  const rows = await ctx.db
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, ctx.workspaceId), eq(people.fullName, fullName)));
  expect(rows, `exactly one ${fullName}`).toHaveLength(1);
  return getPerson({ ...ctx, id: rows[0]!.id });
}

/**
 * How many of the workspace's people the planner expects to read: from its statistics, so a
 * folder never analyzed guesses a small share of the table (PGlite has no autovacuum).
 */
export async function plannedPeople(ctx: Ctx): Promise<number> {
  const result = await ctx.db.execute(
    sql`explain (format json) select id from people where workspace_id = ${ctx.workspaceId}::uuid`,
  );
  const raw = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  const value = Object.values(raw)[0];
  const [plan] = (typeof value === 'string' ? JSON.parse(value) : value) as {
    Plan: { 'Plan Rows': number };
  }[];
  return plan!.Plan['Plan Rows'];
}
