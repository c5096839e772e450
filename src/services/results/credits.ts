import { desc, eq, sql } from 'drizzle-orm';
import { opportunities } from '../../db/schema.js';
import type { OpportunityKind } from '../../domain/vocab.js';
import type { Ctx } from '../context.js';

/** How many of the latest results the dashboard lists with what they are credited to. */
export const CREDITED_RESULTS_SHOWN = 10;

/** Conversations that took place; a person met in one of them earns it the credit. */
const HELD_STATUSES = sql`('held', 'thanked', 'keeping_in_touch')`;

/** A result on the dashboard, with the conversations and people it is credited to. */
export interface CreditedResult {
  id: string;
  kind: OpportunityKind;
  title: string;
  occurredOn: string;
  /**
   * Conversations that produced it: a conversation recorded as its source, the conversation in
   * which someone up its introduction chain was introduced, or a held conversation with a person
   * who is its source or who introduced that person, directly or down the chain.
   */
  conversations: { id: string; title: string }[];
  /** People recorded as its source. */
  people: { id: string; fullName: string }[];
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The latest results, newest first, each naming what it is credited to: the same chains the
 * dashboard's conversations-per-offer figure walks (services/results/stats.ts), so an offer listed
 * with no conversation is one that figure leaves out.
 */
export async function latestCredits(ctx: Ctx): Promise<{ total: number; results: CreditedResult[] }> {
  const ws = ctx.workspaceId;
  const [latest, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: opportunities.id,
        kind: opportunities.kind,
        title: opportunities.title,
        occurredOn: opportunities.occurredOn,
      })
      .from(opportunities)
      .where(eq(opportunities.workspaceId, ws))
      .orderBy(desc(opportunities.occurredOn), desc(opportunities.createdAt), opportunities.id)
      .limit(CREDITED_RESULTS_SHOWN),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(opportunities)
      .where(eq(opportunities.workspaceId, ws)),
  ]);
  if (!latest.length) return { total: 0, results: [] };
  const ids = sql.join(
    latest.map((o) => sql`${o.id}::uuid`),
    sql`, `,
  );
  const [credited, people] = await Promise.all([
    ctx.db.execute(sql`
      with recursive up(opportunity_id, person_id, via_conversation_id, depth) as (
        select s.opportunity_id, s.person_id, null::uuid, 0
        from opportunity_sources s
        where s.opportunity_id in (${ids}) and s.person_id is not null
        union
        select up.opportunity_id, i.introducer_id, i.via_conversation_id, up.depth + 1
        from introductions i join up on i.introduced_id = up.person_id
        where i.workspace_id = ${ws} and up.depth < 10
      ), credit(opportunity_id, conversation_id) as (
        select s.opportunity_id, s.conversation_id from opportunity_sources s
        where s.opportunity_id in (${ids}) and s.conversation_id is not null
        union
        select up.opportunity_id, up.via_conversation_id from up where up.via_conversation_id is not null
        union
        select up.opportunity_id, cp.conversation_id
        from up join conversation_participants cp on cp.person_id = up.person_id
        join conversations c on c.id = cp.conversation_id
        where c.workspace_id = ${ws} and c.status in ${HELD_STATUSES}
      )
      select credit.opportunity_id, c.id, c.title
      from credit join conversations c on c.id = credit.conversation_id
      where c.workspace_id = ${ws}
      order by c.title, c.id`),
    ctx.db.execute(sql`
      select s.opportunity_id, p.id, p.full_name
      from opportunity_sources s join people p on p.id = s.person_id
      where s.opportunity_id in (${ids}) and p.workspace_id = ${ws}
      order by p.full_name, p.id`),
  ]);
  const conversationRows = rowsOf<{ opportunity_id: string; id: string; title: string }>(credited);
  const peopleRows = rowsOf<{ opportunity_id: string; id: string; full_name: string }>(people);
  return {
    total: Number(counted?.n ?? latest.length),
    results: latest.map((o) => ({
      ...o,
      conversations: conversationRows
        .filter((c) => c.opportunity_id === o.id)
        .map((c) => ({ id: c.id, title: c.title })),
      people: peopleRows
        .filter((p) => p.opportunity_id === o.id)
        .map((p) => ({ id: p.id, fullName: p.full_name })),
    })),
  };
}
