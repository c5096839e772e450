import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { insights, organizations, people } from '../../db/schema.js';
import { INSIGHT_TOPICS, type InsightTopic, tallySkills } from '../../domain/insights.js';
import type { Ctx } from '../context.js';
import { getOrganization } from '../organizations/organizations.js';

const insightFields = {
  id: insights.id,
  topic: insights.topic,
  body: insights.body,
  skills: insights.skills,
  role: insights.role,
  personId: insights.personId,
  personName: people.fullName,
  organizationId: insights.organizationId,
  organizationName: organizations.name,
  conversationId: insights.conversationId,
  createdAt: insights.createdAt,
};

/** Everything learned about one organization across conversations, by topic. */
export async function organizationKnowledge(ctx: Ctx & { organizationId: string }) {
  await getOrganization({ ...ctx, id: ctx.organizationId });
  const rows = await ctx.db
    .select(insightFields)
    .from(insights)
    .leftJoin(people, eq(people.id, insights.personId))
    .leftJoin(organizations, eq(organizations.id, insights.organizationId))
    .where(and(eq(insights.workspaceId, ctx.workspaceId), eq(insights.organizationId, ctx.organizationId)))
    .orderBy(desc(insights.createdAt));
  return INSIGHT_TOPICS.map((topic) => ({ topic, insights: rows.filter((r) => r.topic === topic) })).filter(
    (g) => g.insights.length,
  );
}

/** The roles and careers insights were gathered about. */
export async function knownRoles(ctx: Ctx) {
  return (
    ctx.db
      // Grouped regardless of case, as the role page matches: "Data analyst" and "data analyst" are one.
      .select({ role: sql<string>`min(${insights.role})`, count: sql<number>`count(*)::int` })
      .from(insights)
      .where(and(eq(insights.workspaceId, ctx.workspaceId), isNotNull(insights.role)))
      .groupBy(sql`lower(${insights.role})`)
      .orderBy(asc(sql`lower(${insights.role})`))
  );
}

/** What people across organizations said about a role, with a tally of the skills they named. */
export async function roleKnowledge(ctx: Ctx & { role: string }) {
  const rows = await ctx.db
    .select(insightFields)
    .from(insights)
    .leftJoin(people, eq(people.id, insights.personId))
    .leftJoin(organizations, eq(organizations.id, insights.organizationId))
    .where(and(eq(insights.workspaceId, ctx.workspaceId), sql`lower(${insights.role}) = lower(${ctx.role})`))
    .orderBy(desc(insights.createdAt));
  // Everyone who spoke about the role counts in the "of N", even if they named no skill.
  const skills = tallySkills(rows.map((r) => ({ personId: r.personId ?? r.id, skills: r.skills })));
  return {
    role: ctx.role,
    skills,
    byTopic: INSIGHT_TOPICS.map((topic: InsightTopic) => ({
      topic,
      insights: rows.filter((r) => r.topic === topic),
    })).filter((g) => g.insights.length),
  };
}
