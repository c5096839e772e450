import { sql } from 'drizzle-orm';
import { HIGHLIGHT_END, HIGHLIGHT_START, prefixTsQuery } from '../domain/search-query.js';
import type { Ctx } from './context.js';

export const SEARCH_TYPES = ['person', 'organization', 'note', 'insight', 'message', 'question'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  /** Text around the match; highlighted words sit between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string;
  rank: number;
  personId: string | null;
  organizationId: string | null;
  conversationId: string | null;
}

/**
 * Ranking reads every match; a broad word ("data") matches tens of thousands of rows. Each type
 * ranks at most this many of its matches, so a broad query costs about what a narrow one does.
 */
const CANDIDATES = 400;

const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=18, MinWords=6, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * One query per record type, each using its GIN index and limited before the (costly)
 * highlighting; names also match fuzzily through trigrams, so "jonas reuter" finds Reiter.
 */
function queries(ctx: Ctx, query: string, raw: string, perType: number) {
  const ws = ctx.workspaceId;
  const simple = sql`to_tsquery('simple', ${query})`;
  const english = sql`to_tsquery('english', ${query})`;
  return {
    person: sql`
      select 'person' as type, p.id, p.full_name as title,
        concat_ws(' · ', p.title, o.name) as snippet,
        greatest(ts_rank(p.search, ${simple}), word_similarity(${raw}, p.full_name)) as rank,
        p.id as person_id, p.organization_id, null::uuid as conversation_id
      from (select * from people where workspace_id = ${ws} and (search @@ ${simple} or ${raw} <% full_name)
        limit ${CANDIDATES}) p
      left join organizations o on o.id = p.organization_id
      order by rank desc limit ${perType}`,
    organization: sql`
      select 'organization' as type, o.id, o.name as title, concat_ws(' · ', o.industry, o.location) as snippet,
        greatest(ts_rank(o.search, ${simple}), word_similarity(${raw}, o.name)) as rank,
        null::uuid as person_id, o.id as organization_id, null::uuid as conversation_id
      from (select * from organizations where workspace_id = ${ws} and (search @@ ${simple} or ${raw} <% name)
        limit ${CANDIDATES}) o
      order by rank desc limit ${perType}`,
    note: sql`
      select 'note' as type, n.id, 'Note' as title,
        ts_headline('english', n.body, ${english}, ${HEADLINE}) as snippet, n.rank,
        n.person_id, n.organization_id, n.conversation_id
      from (select *, ts_rank(search, ${english}) as rank from (select * from notes
        where workspace_id = ${ws} and search @@ ${english} limit ${CANDIDATES}) c order by rank desc limit ${perType}) n`,
    insight: sql`
      select 'insight' as type, i.id, coalesce(i.role, 'Insight') as title,
        ts_headline('english', i.body, ${english}, ${HEADLINE}) as snippet, i.rank,
        i.person_id, i.organization_id, i.conversation_id
      from (select *, ts_rank(search, ${english}) as rank from (select * from insights
        where workspace_id = ${ws} and search @@ ${english} limit ${CANDIDATES}) c order by rank desc limit ${perType}) i`,
    message: sql`
      select 'message' as type, m.id, coalesce(nullif(m.subject, ''), 'Message') as title,
        ts_headline('english', m.body, ${english}, ${HEADLINE}) as snippet, m.rank,
        m.person_id, null::uuid as organization_id, m.conversation_id
      from (select *, ts_rank(search, ${english}) as rank from (select * from messages
        where workspace_id = ${ws} and search @@ ${english} limit ${CANDIDATES}) c order by rank desc limit ${perType}) m`,
    question: sql`
      select 'question' as type, q.id, 'Question' as title,
        ts_headline('english', q.text, ${english}, ${HEADLINE}) as snippet, q.rank,
        null::uuid as person_id, null::uuid as organization_id, null::uuid as conversation_id
      from (select *, ts_rank(search, ${english}) as rank from questions
        where workspace_id = ${ws} and retired_at is null and search @@ ${english}
        order by rank desc limit ${perType}) q`,
  } satisfies Record<SearchType, unknown>;
}

/** Searches people, organizations, notes, insights, messages and questions at once. */
export async function search(
  ctx: Ctx & { q: string; types?: readonly SearchType[]; limit?: number },
): Promise<SearchHit[]> {
  const query = prefixTsQuery(ctx.q);
  if (!query) return [];
  const limit = ctx.limit ?? 30;
  const all = queries(ctx, query, ctx.q.trim().slice(0, 200), limit);
  const types = ctx.types?.length ? ctx.types : SEARCH_TYPES;
  const hits: SearchHit[] = [];
  // One at a time: the embedded database has a single connection anyway.
  for (const type of types) {
    const result = await ctx.db.execute(all[type]);
    const rows = (
      result as unknown as {
        rows: {
          type: SearchType;
          id: string;
          title: string;
          snippet: string | null;
          rank: number;
          person_id: string | null;
          organization_id: string | null;
          conversation_id: string | null;
        }[];
      }
    ).rows;
    for (const r of rows) {
      hits.push({
        type: r.type,
        id: r.id,
        title: r.title,
        snippet: r.snippet ?? '',
        rank: Number(r.rank),
        personId: r.person_id,
        organizationId: r.organization_id,
        conversationId: r.conversation_id,
      });
    }
  }
  return hits.sort((a, b) => b.rank - a.rank).slice(0, limit);
}
