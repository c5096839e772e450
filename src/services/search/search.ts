import { type SQL, sql } from 'drizzle-orm';
import { HIGHLIGHT_END, HIGHLIGHT_START, prefixTsQuery } from '../../domain/search-query.js';
import type { Ctx } from '../context.js';

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

/** Where each type's records live, the column fuzzy matching compares, and the text search configuration. */
const SOURCES: Record<
  SearchType,
  { table: string; name: string | null; config: 'simple' | 'english'; extra: string }
> = {
  person: { table: 'people', name: 'full_name', config: 'simple', extra: '' },
  organization: { table: 'organizations', name: 'name', config: 'simple', extra: '' },
  note: { table: 'notes', name: null, config: 'english', extra: '' },
  insight: { table: 'insights', name: null, config: 'english', extra: '' },
  message: { table: 'messages', name: null, config: 'english', extra: '' },
  question: { table: 'questions', name: null, config: 'english', extra: 'and retired_at is null' },
};

interface Hit {
  type: SearchType;
  id: string;
  rank: number;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * One type's best matches for the words, through its GIN index: at most `CANDIDATES` matches are
 * ranked, and the best `limit` come back. Names and organizations rank by how close the name is
 * too, so the person whose name it is comes first.
 */
async function wordHits(ctx: Ctx, type: SearchType, query: string, raw: string, limit: number) {
  const { table, name, config, extra } = SOURCES[type];
  const tsQuery = sql`to_tsquery(${sql.raw(`'${config}'`)}, ${query})`;
  const rank = name
    ? sql`greatest(ts_rank(c.search, ${tsQuery}), word_similarity(${raw}, c.name))`
    : sql`ts_rank(c.search, ${tsQuery})`;
  const result = await ctx.db.execute(sql`
    select c.id, ${rank} as rank
    from (select id, search${sql.raw(name ? `, ${name} as name` : '')} from ${sql.raw(table)}
      where workspace_id = ${ctx.workspaceId} ${sql.raw(extra)} and search @@ ${tsQuery}
      limit ${CANDIDATES}) c
    order by rank desc, c.id limit ${limit}`);
  return rowsOf<{ id: string; rank: number }>(result).map((r) => ({ type, id: r.id, rank: Number(r.rank) }));
}

/**
 * Names and organizations close to what was typed, through the trigram index ("jonas reuter"
 * finds Reiter): those the words did not find already.
 */
async function fuzzyHits(
  ctx: Ctx,
  type: 'person' | 'organization',
  query: string,
  raw: string,
  limit: number,
) {
  const { table, name } = SOURCES[type];
  const result = await ctx.db.execute(sql`
    select c.id, word_similarity(${raw}, c.name) as rank
    from (select id, ${sql.raw(name!)} as name from ${sql.raw(table)}
      where workspace_id = ${ctx.workspaceId} and ${raw} <% ${sql.raw(name!)}
        and not search @@ to_tsquery('simple', ${query})
      limit ${CANDIDATES}) c
    order by rank desc, c.id limit ${limit}`);
  return rowsOf<{ id: string; rank: number }>(result).map((r) => ({ type, id: r.id, rank: Number(r.rank) }));
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
  const raw = ctx.q.trim().slice(0, 200);
  const hits: Hit[] = [];
  for (const type of types) hits.push(...(await wordHits(ctx, type, query, raw, limit)));
  // A fuzzy scan costs more than all the rest and adds nothing once the words fill the page.
  if (hits.length < limit) {
    for (const type of types) {
      if (type === 'person' || type === 'organization')
        hits.push(...(await fuzzyHits(ctx, type, query, raw, limit)));
    }
  }
  const top = hits
    .sort((a, b) => b.rank - a.rank || (a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, limit);
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
