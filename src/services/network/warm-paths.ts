import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { conversationParticipants, conversations, introductions, messages, people } from '../../db/schema.js';
import { coverage } from '../../domain/coverage.js';
import { type IntroEdge, type NetPerson, warmPaths } from '../../domain/network.js';
import { relationshipStrength } from '../../domain/relationship.js';
import type { ConversationStatus, Seniority } from '../../domain/vocab.js';
import type { Ctx } from '../context.js';
import { getOrganization } from '../organizations/organizations.js';
import { knowsTheUserSql } from './acquaintance.js';

const HELD = ['held', 'thanked', 'keeping_in_touch'] as const;

/** People at (or formerly at) an organization. */
async function insidersOf(ctx: Ctx, organizationId: string) {
  return ctx.db
    .select({
      id: people.id,
      fullName: people.fullName,
      organizationId: people.organizationId,
      pastOrganizationIds: people.pastOrganizationIds,
      seniority: people.seniority,
      function: people.function,
    })
    .from(people)
    .where(
      and(
        eq(people.workspaceId, ctx.workspaceId),
        or(
          eq(people.organizationId, organizationId),
          sql`${people.pastOrganizationIds} @> array[${organizationId}]::uuid[]`,
        ),
      ),
    );
}

/**
 * The neighbourhood of the insiders: the introductions within `hops` of them, fetched hop by hop
 * with indexed lookups instead of loading the whole network.
 */
async function neighbourhood(ctx: Ctx, startIds: string[], hops: number): Promise<IntroEdge[]> {
  const edges = new Map<string, IntroEdge>();
  let frontier = startIds;
  const seen = new Set(startIds);
  for (let h = 0; h < hops && frontier.length; h++) {
    const rows = await ctx.db
      .select({
        id: introductions.id,
        introducerId: introductions.introducerId,
        introducedId: introductions.introducedId,
      })
      .from(introductions)
      .where(
        and(
          eq(introductions.workspaceId, ctx.workspaceId),
          or(inArray(introductions.introducerId, frontier), inArray(introductions.introducedId, frontier)),
        ),
      );
    const next: string[] = [];
    for (const r of rows) {
      edges.set(r.id, { introducerId: r.introducerId, introducedId: r.introducedId });
      for (const id of [r.introducerId, r.introducedId]) {
        if (!seen.has(id)) {
          seen.add(id);
          next.push(id);
        }
      }
    }
    frontier = next;
  }
  return [...edges.values()];
}

/**
 * Relationship strength of each person, from their interactions, and whether they already know
 * the user (knowsTheUserSql), so that nobody is asked to introduce the user to them.
 */
async function strengths(
  ctx: Ctx,
  ids: string[],
): Promise<Map<string, { strength: number; known: boolean }>> {
  if (!ids.length) return new Map();
  const now = ctx.now();
  const since = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const rows = await ctx.db
    .select({
      id: people.id,
      lastInteractionAt: people.lastInteractionAt,
      keepInTouch: people.keepInTouch,
      total: sql<number>`(select count(*)::int from ${messages} m where m.person_id = "people"."id")`,
      recent: sql<number>`(select count(*)::int from ${messages} m where m.person_id = "people"."id" and m.at >= ${since}::timestamptz)`,
      known: sql<boolean>`${knowsTheUserSql(sql`"people"."id"`)}`,
    })
    .from(people)
    .where(inArray(people.id, ids));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        strength: relationshipStrength(
          {
            lastInteractionAt: r.lastInteractionAt,
            interactions90d: r.recent,
            interactionsTotal: r.total,
            keepInTouch: r.keepInTouch,
          },
          now,
        ),
        known: r.known === true,
      },
    ]),
  );
}

/**
 * The best ways into an organization: people there, then people one or two introductions away,
 * ranked by path length and how strong the relationship with the first person is. No path asks
 * for an introduction to someone the user already knows (met, talked to, introduced to or by):
 * the user can write to them directly.
 */
export async function warmPathsTo(ctx: Ctx & { organizationId: string; maxHops?: number; limit?: number }) {
  await getOrganization({ ...ctx, id: ctx.organizationId });
  const insiders = await insidersOf(ctx, ctx.organizationId);
  const maxHops = ctx.maxHops ?? 2;
  const edges = await neighbourhood(
    ctx,
    insiders.map((p) => p.id),
    maxHops,
  );
  const ids = [
    ...new Set([...insiders.map((p) => p.id), ...edges.flatMap((e) => [e.introducerId, e.introducedId])]),
  ];
  const rows = ids.length
    ? await ctx.db
        .select({
          id: people.id,
          fullName: people.fullName,
          organizationId: people.organizationId,
          pastOrganizationIds: people.pastOrganizationIds,
        })
        .from(people)
        .where(and(eq(people.workspaceId, ctx.workspaceId), inArray(people.id, ids)))
    : [];
  const net: NetPerson[] = rows;
  const facts = await strengths(ctx, ids);
  const paths = warmPaths({
    targetOrgId: ctx.organizationId,
    people: net,
    edges,
    strength: (id) => facts.get(id)?.strength ?? 0,
    knows: (id) => facts.get(id)?.known ?? false,
    maxHops,
    limit: ctx.limit ?? 20,
  });
  const names = new Map(rows.map((r) => [r.id, r.fullName]));
  return paths.map((p) => ({
    ...p,
    people: p.via.map((id) => ({ id, fullName: names.get(id) ?? '' })),
  }));
}

/** Who we have heard from at an organization, at which levels and stages, and what to do next. */
export async function organizationCoverage(ctx: Ctx & { organizationId: string }) {
  const insiders = (await insidersOf(ctx, ctx.organizationId)).filter(
    (p) => p.organizationId === ctx.organizationId,
  );
  const ids = insiders.map((p) => p.id);
  const heard = ids.length
    ? await ctx.db
        .selectDistinct({ personId: conversationParticipants.personId })
        .from(conversationParticipants)
        .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
        .where(and(inArray(conversationParticipants.personId, ids), inArray(conversations.status, [...HELD])))
    : [];
  const heardIds = new Set(heard.map((h) => h.personId));
  const convs = await ctx.db
    .select({ status: conversations.status })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, ctx.workspaceId),
        eq(conversations.organizationId, ctx.organizationId),
      ),
    );
  const paths = await warmPathsTo({ ...ctx, limit: 100 });
  return coverage({
    people: insiders.map((p) => ({
      id: p.id,
      seniority: p.seniority as Seniority | null,
      function: p.function,
      heardFrom: heardIds.has(p.id),
    })),
    conversations: convs.map((c) => ({ status: c.status as ConversationStatus })),
    openPaths: paths.filter((p) => p.hops > 0).length,
  });
}
