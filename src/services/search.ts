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

interface Detail {
  id: string;
  title: string;
  snippet: string | null;
  person_id: string | null;
  organization_id: string | null;
  conversation_id: string | null;
}

/** Titles and highlights of the chosen records of one type, read by primary key. */
function details(type: SearchType, ids: string[], english: SQL): SQL {
  const idList = sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const headline = (text: SQL) => sql`ts_headline('english', ${text}, ${english}, ${HEADLINE})`;
  switch (type) {
    case 'person':
      return sql`select p.id, p.full_name as title, concat_ws(' · ', p.title, po.name) as snippet,
          p.id as person_id, p.organization_id, null::uuid as conversation_id
        from people p left join organizations po on po.id = p.organization_id where p.id in ${idList}`;
    case 'organization':
      return sql`select o.id, o.name as title, concat_ws(' · ', o.industry, o.location) as snippet,
          null::uuid as person_id, o.id as organization_id, null::uuid as conversation_id
        from organizations o where o.id in ${idList}`;
    case 'note':
      return sql`select n.id, 'Note' as title, ${headline(sql`n.body`)} as snippet,
          n.person_id, n.organization_id, n.conversation_id
        from notes n where n.id in ${idList}`;
    case 'insight':
      return sql`select i.id, coalesce(i.role, 'Insight') as title, ${headline(sql`i.body`)} as snippet,
          i.person_id, i.organization_id, i.conversation_id
        from insights i where i.id in ${idList}`;
    case 'message':
      return sql`select m.id, coalesce(nullif(m.subject, ''), 'Message') as title,
          ${headline(sql`m.body`)} as snippet, m.person_id, null::uuid as organization_id, m.conversation_id
        from messages m where m.id in ${idList}`;
    case 'question':
      return sql`select q.id, 'Question' as title, ${headline(sql`q.text`)} as snippet,
          null::uuid as person_id, null::uuid as organization_id, null::uuid as conversation_id
        from questions q where q.id in ${idList}`;
  }
}

/**
 * Searches people, organizations, notes, insights, messages and questions at once. One statement
 * ranks each type's candidates and keeps the best `limit` of them all; then, for each type among
 * those, one small statement reads titles and highlights the matched words (the costly part).
 * Two steps plan faster than one statement joining every table, which mattered most on the
 * embedded database, where planning that join took longer than running it.
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
  const ranked = await ctx.db.execute(sql`
    with ${hitTables(ctx, types, query, ctx.q.trim().slice(0, 200), limit)}
    select * from (${hits}) h order by rank desc, type, id limit ${limit}`);
  const top = (ranked as unknown as { rows: { type: SearchType; id: string; rank: number }[] }).rows;
  const found = new Map<string, Detail>();
  for (const type of types) {
    const ids = top.filter((h) => h.type === type).map((h) => h.id);
    if (!ids.length) continue;
    const result = await ctx.db.execute(details(type, ids, english));
    for (const d of (result as unknown as { rows: Detail[] }).rows) found.set(`${type}:${d.id}`, d);
  }
  return top.flatMap((h) => {
    const d = found.get(`${h.type}:${h.id}`);
    if (!d) return [];
    return [
      {
        type: h.type,
        id: h.id,
        title: d.title,
        snippet: d.snippet ?? '',
        rank: Number(h.rank),
        personId: d.person_id,
        organizationId: d.organization_id,
        conversationId: d.conversation_id,
      },
    ];
  });
}
