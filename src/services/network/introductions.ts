import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { introductions, people } from '../../db/schema.js';
import { AppError, notFound, nothingToChange } from '../../domain/errors.js';
import { formatChain, introductionChain } from '../../domain/network.js';
import type { IntroductionState } from '../../domain/vocab.js';
import { type Ctx, inTransaction } from '../context.js';
import { getConversation } from '../conversations/conversations.js';
import { assertPersonInWorkspace, createPerson } from '../people/people.js';

export type Introduction = typeof introductions.$inferSelect;

export interface IntroductionInput {
  /** Who made the introduction; left out when `newPerson` is the introducer. */
  introducerId?: string;
  /** Who was introduced; left out when `newPerson` is the one introduced. */
  introducedId?: string;
  /** Someone not in the workspace yet, added with the introduction on the side whose id is left out. */
  newPerson?: { fullName: string } | null;
  viaConversationId?: string | null;
  state?: IntroductionState;
  introducedOn?: string | null;
  note?: string | null;
}

function invalid(field: string, userMessage: string, message: string): AppError {
  return new AppError('validation', {
    userMessage: `${field}: ${userMessage}`,
    issues: [{ field, message }],
  });
}

/** The two ids of the introduction, once the form's choice of a new person is settled. */
function sides(input: IntroductionInput): { introducerId?: string; introducedId?: string } {
  const { introducerId, introducedId, newPerson } = input;
  if (newPerson) {
    if (introducerId && introducedId) {
      throw invalid(
        'newPerson',
        'both people are already chosen; leave out the one the new person replaces.',
        'both sides already chosen',
      );
    }
    if (!introducerId && !introducedId) {
      throw invalid('introducerId', 'choose who made the introduction or whom it was for.', 'is required');
    }
    return { introducerId, introducedId };
  }
  if (!introducerId) throw invalid('introducerId', 'choose who made the introduction.', 'is required');
  if (!introducedId) throw invalid('introducedId', 'choose who was introduced.', 'is required');
  return { introducerId, introducedId };
}

/**
 * Records that one person introduced (or was asked to introduce) another. Either of them may be
 * someone new, named in `newPerson`: they are added to the workspace with the introduction, or
 * not at all when it cannot be recorded.
 */
export async function createIntroduction(ctx: Ctx & { input: IntroductionInput }): Promise<Introduction> {
  const { input } = ctx;
  const known = sides(input);
  if (known.introducerId && known.introducerId === known.introducedId) {
    throw new AppError('validation', {
      userMessage: 'introducedId: a person cannot introduce themselves.',
      issues: [{ field: 'introducedId', message: 'same as the introducer' }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    if (known.introducerId) await assertPersonInWorkspace(tx, known.introducerId, 'introducerId');
    if (known.introducedId) await assertPersonInWorkspace(tx, known.introducedId, 'introducedId');
    if (input.viaConversationId) await getConversation({ ...tx, id: input.viaConversationId });
    const added = input.newPerson
      ? await createPerson({ ...tx, input: { fullName: input.newPerson.fullName } })
      : null;
    const introducerId = known.introducerId ?? added!.id;
    const introducedId = known.introducedId ?? added!.id;
    const [row] = await tx.db
      .insert(introductions)
      .values({
        workspaceId: ctx.workspaceId,
        introducerId,
        introducedId,
        viaConversationId: input.viaConversationId ?? null,
        state: input.state ?? 'made',
        introducedOn: input.introducedOn ?? ctx.now().toISOString().slice(0, 10),
        note: input.note ?? null,
        createdAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError('conflict', { userMessage: 'This introduction is already recorded.' });
    }
    return row;
  });
}

/** Moves an introduction along: asked, made, met, thanked. */
export async function updateIntroduction(
  ctx: Ctx & { id: string; state?: IntroductionState; note?: string | null },
): Promise<Introduction> {
  const values: Partial<Introduction> = {};
  if (ctx.state) values.state = ctx.state;
  if (ctx.note !== undefined) values.note = ctx.note;
  if (!Object.keys(values).length) throw nothingToChange('introduction', ['state', 'note']);
  const [row] = await ctx.db
    .update(introductions)
    .set(values)
    .where(and(eq(introductions.id, ctx.id), eq(introductions.workspaceId, ctx.workspaceId)))
    .returning();
  if (!row) throw notFound('introduction', ctx.id);
  return row;
}

export async function deleteIntroduction(ctx: Ctx & { id: string }): Promise<void> {
  const rows = await ctx.db
    .delete(introductions)
    .where(and(eq(introductions.id, ctx.id), eq(introductions.workspaceId, ctx.workspaceId)))
    .returning({ id: introductions.id });
  if (!rows.length) throw notFound('introduction', ctx.id);
}

/** Introductions to and by one person, with the other person's name. */
export async function personIntroductions(ctx: Ctx & { personId: string }) {
  await assertPersonInWorkspace(ctx, ctx.personId, 'personId');
  const rows = await ctx.db
    .select({
      i: introductions,
      introducerName: sql<string>`(select full_name from ${people} where id = "introductions"."introducer_id")`,
      introducedName: sql<string>`(select full_name from ${people} where id = "introductions"."introduced_id")`,
    })
    .from(introductions)
    .where(
      and(
        eq(introductions.workspaceId, ctx.workspaceId),
        sql`(${introductions.introducerId} = ${ctx.personId} or ${introductions.introducedId} = ${ctx.personId})`,
      ),
    )
    .orderBy(asc(introductions.createdAt));
  return rows.map((r) => ({ ...r.i, introducerName: r.introducerName, introducedName: r.introducedName }));
}

/**
 * The chain of introductions that led to a person, from them back to a direct contact
 * ("Priya ← Jonas ← Maya"). Walks the edges with a recursive query rather than loading them all.
 */
export async function introductionChainOf(ctx: Ctx & { personId: string }) {
  await assertPersonInWorkspace(ctx, ctx.personId, 'personId');
  const result = await ctx.db.execute(sql`
    with recursive up(introducer_id, introduced_id, depth) as (
      select i.introducer_id, i.introduced_id, 1 from ${introductions} i
      where i.introduced_id = ${ctx.personId} and i.workspace_id = ${ctx.workspaceId}
      union
      select i.introducer_id, i.introduced_id, up.depth + 1 from ${introductions} i
      join up on i.introduced_id = up.introducer_id
      where up.depth < 20 and i.workspace_id = ${ctx.workspaceId}
    )
    select introducer_id, introduced_id from up`);
  const rows = (result as unknown as { rows: { introducer_id: string; introduced_id: string }[] }).rows;
  const edges = rows.map((r) => ({
    introducerId: r.introducer_id,
    introducedId: r.introduced_id,
  }));
  const ids = [...new Set([ctx.personId, ...edges.map((e) => e.introducerId)])];
  const names = new Map(
    (
      await ctx.db
        .select({ id: people.id, fullName: people.fullName })
        .from(people)
        .where(inArray(people.id, ids))
    ).map((p) => [p.id, p.fullName]),
  );
  const chain = introductionChain(ctx.personId, edges, names);
  return { chain, text: formatChain(chain) };
}

/** Edges the network view draws at most; beyond this a browser's graph becomes unreadable. */
export const GRAPH_EDGE_LIMIT = 20_000;

/**
 * The introduction graph for the network view: everyone in an introduction, and the edges, the
 * newest first when there are more than `limit` (and then `totalEdges` says how many there are).
 */
export async function introductionGraph(ctx: Ctx & { limit?: number }) {
  const limit = ctx.limit ?? GRAPH_EDGE_LIMIT;
  const rows = await ctx.db
    .select({
      id: introductions.id,
      source: introductions.introducerId,
      target: introductions.introducedId,
      state: introductions.state,
    })
    .from(introductions)
    .where(eq(introductions.workspaceId, ctx.workspaceId))
    .orderBy(desc(introductions.createdAt), introductions.id)
    .limit(limit + 1);
  const truncated = rows.length > limit;
  const edges = truncated ? rows.slice(0, limit) : rows;
  const [total] = truncated
    ? await ctx.db
        .select({ n: count() })
        .from(introductions)
        .where(eq(introductions.workspaceId, ctx.workspaceId))
    : [{ n: edges.length }];
  const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  const nodes = ids.length
    ? await ctx.db
        .select({
          id: people.id,
          fullName: people.fullName,
          organizationId: people.organizationId,
          seniority: people.seniority,
        })
        .from(people)
        .where(and(eq(people.workspaceId, ctx.workspaceId), inArray(people.id, ids)))
    : [];
  return { nodes, edges, truncated, totalEdges: total?.n ?? edges.length };
}
