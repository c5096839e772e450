import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import {
  conversationParticipants,
  conversations,
  introductions,
  opportunities,
  opportunitySources,
  people,
} from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { OpportunityKind } from '../../domain/vocab.js';
import { type Ctx, inTransaction, updateVersioned } from '../context.js';
import {
  type ConversationDetail,
  createConversation,
  getConversation,
} from '../conversations/conversations.js';
import { assertOrganizationInWorkspace } from '../organizations/organizations.js';
import { assertPersonInWorkspace } from '../people/people.js';

export interface OpportunityInput {
  kind: OpportunityKind;
  title: string;
  organizationId?: string | null;
  occurredOn: string;
  notes?: string;
  /** Where it came from: conversations and/or people (several allowed). */
  sources: { conversationId?: string | null; personId?: string | null }[];
}

export interface Opportunity {
  id: string;
  kind: OpportunityKind;
  title: string;
  organizationId: string | null;
  occurredOn: string;
  notes: string;
  /** Where it came from, with names so a reader need not look each one up. */
  sources: {
    conversationId: string | null;
    conversationTitle: string | null;
    personId: string | null;
    personName: string | null;
  }[];
  version: number;
  createdAt: Date;
}

/** Narrows the list: by kind, organization, or a person or conversation among its sources. */
export interface OpportunityFilter {
  ids?: string[];
  kind?: OpportunityKind;
  organizationId?: string;
  personId?: string;
  conversationId?: string;
}

async function setSources(
  ctx: Ctx,
  opportunityId: string,
  sources: OpportunityInput['sources'],
): Promise<void> {
  await ctx.db.delete(opportunitySources).where(eq(opportunitySources.opportunityId, opportunityId));
  const clean = sources.filter((s) => s.conversationId || s.personId);
  for (const s of clean) {
    if (s.conversationId) await getConversation({ ...ctx, id: s.conversationId });
    if (s.personId) await assertPersonInWorkspace(ctx, s.personId, 'sources.personId');
  }
  if (clean.length) {
    await ctx.db.insert(opportunitySources).values(
      clean.map((s) => ({
        opportunityId,
        conversationId: s.conversationId ?? null,
        personId: s.personId ?? null,
      })),
    );
  }
}

/** Lists opportunities, newest first, with their sources. */
export async function listOpportunities(ctx: Ctx, filter: OpportunityFilter = {}): Promise<Opportunity[]> {
  // A person counts as a source directly, or by taking part in a conversation that is one.
  const byPerson = filter.personId
    ? sql`${opportunities.id} in (
        select s.opportunity_id from ${opportunitySources} s
        left join ${conversationParticipants} cp on cp.conversation_id = s.conversation_id
        where s.person_id = ${filter.personId} or cp.person_id = ${filter.personId})`
    : undefined;
  const byConversation = filter.conversationId
    ? inArray(
        opportunities.id,
        ctx.db
          .select({ id: opportunitySources.opportunityId })
          .from(opportunitySources)
          .where(eq(opportunitySources.conversationId, filter.conversationId)),
      )
    : undefined;
  const rows = await ctx.db
    .select()
    .from(opportunities)
    .where(
      and(
        eq(opportunities.workspaceId, ctx.workspaceId),
        filter.ids ? inArray(opportunities.id, filter.ids) : undefined,
        filter.kind ? eq(opportunities.kind, filter.kind) : undefined,
        filter.organizationId ? eq(opportunities.organizationId, filter.organizationId) : undefined,
        byPerson,
        byConversation,
      ),
    )
    .orderBy(desc(opportunities.occurredOn), desc(opportunities.createdAt));
  if (!rows.length) return [];
  const sources = await ctx.db
    .select({
      opportunityId: opportunitySources.opportunityId,
      conversationId: opportunitySources.conversationId,
      conversationTitle: conversations.title,
      personId: opportunitySources.personId,
      personName: people.fullName,
    })
    .from(opportunitySources)
    .leftJoin(conversations, eq(conversations.id, opportunitySources.conversationId))
    .leftJoin(people, eq(people.id, opportunitySources.personId))
    .where(
      inArray(
        opportunitySources.opportunityId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    organizationId: r.organizationId,
    occurredOn: r.occurredOn,
    notes: r.notes,
    version: r.version,
    createdAt: r.createdAt,
    sources: sources.filter((s) => s.opportunityId === r.id).map(({ opportunityId: _, ...source }) => source),
  }));
}

/** One opportunity with its sources. */
export async function getOpportunity(ctx: Ctx & { id: string }): Promise<Opportunity> {
  const [found] = await listOpportunities(ctx, { ids: [ctx.id] });
  if (!found) throw notFound('opportunity', ctx.id);
  return found;
}

/** Records what conversations produced: an opening, a referral, an interview, an offer… */
export async function createOpportunity(ctx: Ctx & { input: OpportunityInput }): Promise<Opportunity> {
  return inTransaction(ctx, async (tx) => {
    const { input } = ctx;
    if (input.organizationId) await assertOrganizationInWorkspace(tx, input.organizationId, 'organizationId');
    const [row] = await tx.db
      .insert(opportunities)
      .values({
        workspaceId: ctx.workspaceId,
        kind: input.kind,
        title: input.title,
        organizationId: input.organizationId ?? null,
        occurredOn: input.occurredOn,
        notes: input.notes ?? '',
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await setSources(tx, row!.id, input.sources);
    return getOpportunity({ ...tx, id: row!.id });
  });
}

export async function updateOpportunity(
  ctx: Ctx & { id: string; version?: number; input: Partial<OpportunityInput> },
): Promise<Opportunity> {
  return inTransaction(ctx, async (tx) => {
    const { sources, ...rest } = ctx.input;
    if (rest.organizationId) await assertOrganizationInWorkspace(tx, rest.organizationId, 'organizationId');
    await updateVersioned(tx, opportunities, 'opportunity', ctx.id, ctx.version, rest);
    if (sources) await setSources(tx, ctx.id, sources);
    return getOpportunity({ ...tx, id: ctx.id });
  });
}

export async function deleteOpportunity(ctx: Ctx & { id: string }): Promise<void> {
  const rows = await ctx.db
    .delete(opportunities)
    .where(and(eq(opportunities.id, ctx.id), eq(opportunities.workspaceId, ctx.workspaceId)))
    .returning({ id: opportunities.id });
  if (!rows.length) throw notFound('opportunity', ctx.id);
}

/**
 * After a rejection, a short conversation with the hiring manager about what was missing.
 * Starts it as an idea, linked to the rejection.
 */
export async function startFeedbackConversation(
  ctx: Ctx & { opportunityId: string; personId: string },
): Promise<ConversationDetail> {
  const opp = await getOpportunity({ ...ctx, id: ctx.opportunityId });
  if (opp.kind !== 'rejection') {
    throw new AppError('validation', {
      userMessage: 'A feedback conversation follows a rejection; this opportunity is not one.',
    });
  }
  const conv = await createConversation({
    ...ctx,
    input: {
      type: 'rejection_feedback',
      participantIds: [ctx.personId],
      organizationId: opp.organizationId,
      title: `Feedback on ${opp.title}`,
      goals: ['Learn which qualifications were missing', 'Ask what would make me a stronger candidate'],
    },
  });
  await ctx.db
    .update(conversations)
    .set({ followsOpportunityId: opp.id })
    .where(eq(conversations.id, conv.id));
  return getConversation({ ...ctx, id: conv.id });
}

/**
 * Opportunities credited to a person: those that came from them or their conversations, and
 * those that came from anyone they introduced, directly or down the chain.
 */
export async function creditsFor(ctx: Ctx & { personId: string }) {
  await assertPersonInWorkspace(ctx, ctx.personId, 'personId');
  const result = await ctx.db.execute(sql`
    with recursive down(person_id, depth) as (
      select ${ctx.personId}::uuid, 0
      union
      select i.introduced_id, down.depth + 1 from ${introductions} i
      join down on i.introducer_id = down.person_id
      where down.depth < 10 and i.workspace_id = ${ctx.workspaceId}
    )
    select person_id, min(depth) as depth from down group by person_id`);
  const reach = (result as unknown as { rows: { person_id: string; depth: number }[] }).rows;
  const ids = reach.map((r) => r.person_id);
  const depthOf = new Map(reach.map((r) => [r.person_id, Number(r.depth)]));
  const sources = await ctx.db
    .select({
      opportunityId: opportunitySources.opportunityId,
      personId: opportunitySources.personId,
      participantId: conversationParticipants.personId,
    })
    .from(opportunitySources)
    .leftJoin(
      conversationParticipants,
      eq(conversationParticipants.conversationId, opportunitySources.conversationId),
    )
    .where(or(inArray(opportunitySources.personId, ids), inArray(conversationParticipants.personId, ids)));
  const best = new Map<string, number>();
  for (const s of sources) {
    for (const pid of [s.personId, s.participantId]) {
      const d = pid ? depthOf.get(pid) : undefined;
      if (d !== undefined) best.set(s.opportunityId, Math.min(best.get(s.opportunityId) ?? d, d));
    }
  }
  if (!best.size) return [];
  const opps = await listOpportunities(ctx, { ids: [...best.keys()] });
  return opps.map((o) => ({ ...o, direct: best.get(o.id) === 0 }));
}
