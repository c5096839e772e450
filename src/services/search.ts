import { type SQL, sql } from 'drizzle-orm';
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
const CANDIDATES = 200;

const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=18, MinWords=6, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Each record type's best matches, as named common table expressions: `<type>_hits (type, id,
 * rank)`. Words are found through each type's GIN index, and only `CANDIDATES` matches per type
 * are ranked. People and organizations also match fuzzily through trigrams ("jonas reuter"
 * finds Reiter), but only when the words themselves found fewer than `limit` records in all:
 * a fuzzy scan costs more than everything else together and adds nothing when the words
 * already fill the page.
 */
function hitTables(ctx: Ctx, types: readonly SearchType[], query: string, raw: string, limit: number): SQL {
  const ws = ctx.workspaceId;
  const simple = sql`to_tsquery('simple', ${query})`;
  const english = sql`to_tsquery('english', ${query})`;
  const ranked = (type: SearchType, from: SQL, rank: SQL) => sql`
    ${sql.raw(`${type}_hits`)} as (
      select ${type}::text as type, c.id, ${rank} as rank from (${from}) c
      order by rank desc limit ${limit})`;
  const fullText = (type: SearchType, table: string, extra: SQL = sql``) =>
    ranked(
      type,
      sql`select id, search from ${sql.raw(table)}
        where workspace_id = ${ws} ${extra} and search @@ ${english} limit ${CANDIDATES}`,
      sql`ts_rank(c.search, ${english})`,
    );
  const words = (type: SearchType, table: string, name: string) => sql`
    ${sql.raw(`${type}_words`)} as materialized (
      select id, search, ${sql.raw(name)} as name from ${sql.raw(table)}
      where workspace_id = ${ws} and search @@ ${simple} limit ${CANDIDATES})`;
  const named = (type: SearchType, table: string, name: string) =>
    ranked(
      type,
      sql`select * from ${sql.raw(`${type}_words`)}
        union all
        (select id, search, ${sql.raw(name)} as name from ${sql.raw(table)}
          where (select fuzzy from need) and workspace_id = ${ws}
            and ${raw} <% ${sql.raw(name)} and not search @@ ${simple}
          limit ${CANDIDATES})`,
      sql`greatest(ts_rank(c.search, ${simple}), word_similarity(${raw}, c.name))`,
    );
  const parts: SQL[] = [];
  const found: SQL[] = [];
  const NAMED: Record<'person' | 'organization', [string, string]> = {
    person: ['people', 'full_name'],
    organization: ['organizations', 'name'],
  };
  for (const type of types) {
    if (type === 'person' || type === 'organization') {
      parts.push(words(type, ...NAMED[type]));
      found.push(sql`(select count(*) from ${sql.raw(`${type}_words`)})`);
    } else {
      const table = { note: 'notes', insight: 'insights', message: 'messages', question: 'questions' }[type];
      parts.push(fullText(type, table, type === 'question' ? sql`and retired_at is null` : sql``));
      found.push(sql`(select count(*) from ${sql.raw(`${type}_hits`)})`);
    }
  }
  parts.push(sql`need as materialized (select ${sql.join(found, sql` + `)} < ${limit} as fuzzy)`);
  for (const type of types) {
    if (type === 'person' || type === 'organization') parts.push(named(type, ...NAMED[type]));
  }
  return sql.join(parts, sql`, `);
}

interface HitRow {
  type: SearchType;
  id: string;
  title: string;
  snippet: string | null;
  rank: number;
  person_id: string | null;
  organization_id: string | null;
  conversation_id: string | null;
}

/**
 * Searches people, organizations, notes, insights, messages and questions at once: one statement
 * ranks each type's candidates, keeps the best `limit` of them all, and only then reads their
 * titles and highlights the matched words, which is the costly part.
 */
export async function search(
  ctx: Ctx & { q: string; types?: readonly SearchType[]; limit?: number },
): Promise<SearchHit[]> {
  const query = prefixTsQuery(ctx.q);
  if (!query) return [];
  const limit = ctx.limit ?? 30;
  const types = ctx.types?.length ? [...new Set(ctx.types)] : SEARCH_TYPES;
  const english = sql`to_tsquery('english', ${query})`;
  const hits = sql.join(
    types.map((type) => sql`select * from ${sql.raw(`${type}_hits`)}`),
    sql` union all `,
  );
  const result = await ctx.db.execute(sql`
    with ${hitTables(ctx, types, query, ctx.q.trim().slice(0, 200), limit)},
    top as (select * from (${hits}) h order by rank desc, type, id limit ${limit})
    select top.type, top.id, top.rank,
      case top.type
        when 'person' then p.full_name
        when 'organization' then o.name
        when 'note' then 'Note'
        when 'insight' then coalesce(i.role, 'Insight')
        when 'message' then coalesce(nullif(m.subject, ''), 'Message')
        else 'Question' end as title,
      case top.type
        when 'person' then concat_ws(' · ', p.title, po.name)
        when 'organization' then concat_ws(' · ', o.industry, o.location)
        else ts_headline('english', coalesce(n.body, i.body, m.body, q.text), ${english}, ${HEADLINE})
        end as snippet,
      coalesce(p.id, n.person_id, i.person_id, m.person_id) as person_id,
      coalesce(p.organization_id, o.id, n.organization_id, i.organization_id) as organization_id,
      coalesce(n.conversation_id, i.conversation_id, m.conversation_id) as conversation_id
    from top
    left join people p on top.type = 'person' and p.id = top.id
    left join organizations po on po.id = p.organization_id
    left join organizations o on top.type = 'organization' and o.id = top.id
    left join notes n on top.type = 'note' and n.id = top.id
    left join insights i on top.type = 'insight' and i.id = top.id
    left join messages m on top.type = 'message' and m.id = top.id
    left join questions q on top.type = 'question' and q.id = top.id
    order by top.rank desc, top.type, top.id`);
  return (result as unknown as { rows: HitRow[] }).rows.map((r) => ({
    type: r.type,
    id: r.id,
    title: r.title,
    snippet: r.snippet ?? '',
    rank: Number(r.rank),
    personId: r.person_id,
    organizationId: r.organization_id,
    conversationId: r.conversation_id,
  }));
}
