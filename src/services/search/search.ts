import { type SQL, sql } from 'drizzle-orm';
import { QUESTION_TOPIC_LABELS, type QuestionTopic } from '../../domain/question-bank.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, prefixTsQuery } from '../../domain/search-query.js';
import type { Ctx } from '../context.js';

export const SEARCH_TYPES = [
  'person',
  'organization',
  'conversation',
  'note',
  'debrief',
  'task',
  'insight',
  'message',
  'question',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchHit {
  type: SearchType;
  id: string;
  /** What the hit is about (a name, a conversation, a subject), never just its type. */
  title: string;
  /** Text around the match; highlighted words sit between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string;
  rank: number;
  personId: string | null;
  organizationId: string | null;
  conversationId: string | null;
  /** For a debrief: its summary, or an answer to a question planned for the conversation. */
  part: 'summary' | 'answer' | null;
}

/**
 * Ranking reads every match; a broad word ("data") matches tens of thousands of rows. Each type
 * ranks at most this many of its matches, so a broad query costs about what a narrow one does.
 */
const CANDIDATES = 200;

const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=18, MinWords=6, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Where records are searched: each source is one table (or part of one) with its own GIN index,
 * the type its hits are listed as, the column fuzzy matching compares, and the text search
 * configuration. A debrief is found in two places: its summary (a note of kind "debrief") and its
 * answers to the planned questions.
 */
const SOURCES = {
  person: { type: 'person', table: 'people', name: 'full_name', config: 'simple', extra: '' },
  organization: { type: 'organization', table: 'organizations', name: 'name', config: 'simple', extra: '' },
  conversation: { type: 'conversation', table: 'conversations', name: null, config: 'english', extra: '' },
  note: { type: 'note', table: 'notes', name: null, config: 'english', extra: "and kind <> 'debrief'" },
  debriefSummary: {
    type: 'debrief',
    table: 'notes',
    name: null,
    config: 'english',
    extra: "and kind = 'debrief'",
  },
  debriefAnswer: { type: 'debrief', table: 'plan_items', name: null, config: 'english', extra: '' },
  task: { type: 'task', table: 'tasks', name: null, config: 'english', extra: '' },
  insight: { type: 'insight', table: 'insights', name: null, config: 'english', extra: '' },
  message: { type: 'message', table: 'messages', name: null, config: 'english', extra: '' },
  question: {
    type: 'question',
    table: 'questions',
    name: null,
    config: 'english',
    extra: 'and retired_at is null',
  },
} as const satisfies Record<
  string,
  { type: SearchType; table: string; name: string | null; config: 'simple' | 'english'; extra: string }
>;
type Source = keyof typeof SOURCES;

interface Hit {
  source: Source;
  id: string;
  rank: number;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * One type's best matches for the words, through its GIN index: at most `CANDIDATES` matches are
 * ranked, and the best `limit` come back. Names and organizations rank by how close the name is
 * too, so the person whose name it is comes first.
 */
async function wordHits(ctx: Ctx, source: Source, query: string, raw: string, limit: number) {
  const { table, name, config, extra } = SOURCES[source];
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
  return rowsOf<{ id: string; rank: number }>(result).map((r) => ({
    source,
    id: r.id,
    rank: Number(r.rank),
  }));
}

/**
 * Names and organizations close to what was typed, through the trigram index ("jonas reuter"
 * finds Reiter): those the words did not find already.
 */
async function fuzzyHits(
  ctx: Ctx,
  source: 'person' | 'organization',
  query: string,
  raw: string,
  limit: number,
) {
  const { table, name } = SOURCES[source];
  const result = await ctx.db.execute(sql`
    select c.id, word_similarity(${raw}, c.name) as rank
    from (select id, ${sql.raw(name!)} as name from ${sql.raw(table)}
      where workspace_id = ${ctx.workspaceId} and ${raw} <% ${sql.raw(name!)}
        and not search @@ to_tsquery('simple', ${query})
      limit ${CANDIDATES}) c
    order by rank desc, c.id limit ${limit}`);
  return rowsOf<{ id: string; rank: number }>(result).map((r) => ({
    source,
    id: r.id,
    rank: Number(r.rank),
  }));
}

interface Detail {
  id: string;
  title: string;
  snippet: string | null;
  person_id: string | null;
  organization_id: string | null;
  conversation_id: string | null;
}

/** Names a note, insight or task by what it is about: its conversation, person or organization. */
const subjectName = (alias: string) =>
  `coalesce((select c.title from conversations c where c.id = ${alias}.conversation_id),
    (select p.full_name from people p where p.id = ${alias}.person_id),
    (select o.name from organizations o where o.id = ${alias}.organization_id))`;

/** Titles and highlights of the chosen records of one source, read by primary key. */
function details(source: Source, ids: string[], english: SQL): SQL {
  const idList = sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const headline = (text: SQL) => sql`ts_headline('english', ${text}, ${english}, ${HEADLINE})`;
  switch (source) {
    case 'person':
      return sql`select p.id, p.full_name as title, concat_ws(' · ', p.title, po.name) as snippet,
          p.id as person_id, p.organization_id, null::uuid as conversation_id
        from people p left join organizations po on po.id = p.organization_id where p.id in ${idList}`;
    case 'organization':
      return sql`select o.id, o.name as title, concat_ws(' · ', o.industry, o.location) as snippet,
          null::uuid as person_id, o.id as organization_id, null::uuid as conversation_id
        from organizations o where o.id in ${idList}`;
    case 'conversation':
      return sql`select c.id, c.title, concat_ws(' · ', c.role, c.reached_via, co.name) as snippet,
          (select cp.person_id from conversation_participants cp where cp.conversation_id = c.id
            order by cp.position limit 1) as person_id,
          c.organization_id, c.id as conversation_id
        from conversations c left join organizations co on co.id = c.organization_id where c.id in ${idList}`;
    case 'note':
    case 'debriefSummary':
      return sql`select n.id, ${sql.raw(subjectName('n'))} as title, ${headline(sql`n.body`)} as snippet,
          n.person_id, n.organization_id, n.conversation_id
        from notes n where n.id in ${idList}`;
    case 'debriefAnswer':
      return sql`select pi.id, c.title, pi.text || ' — ' || ${headline(sql`pi.answer`)} as snippet,
          null::uuid as person_id, c.organization_id, pi.conversation_id
        from plan_items pi join conversations c on c.id = pi.conversation_id where pi.id in ${idList}`;
    case 'task':
      return sql`select t.id, t.title,
          concat_ws(' · ', tp.full_name, tc.title) as snippet,
          t.person_id, null::uuid as organization_id, t.conversation_id
        from tasks t left join people tp on tp.id = t.person_id
          left join conversations tc on tc.id = t.conversation_id
        where t.id in ${idList}`;
    case 'insight':
      return sql`select i.id, coalesce(i.role, ${sql.raw(subjectName('i'))}) as title,
          ${headline(sql`i.body`)} as snippet, i.person_id, i.organization_id, i.conversation_id
        from insights i where i.id in ${idList}`;
    case 'message':
      return sql`select m.id,
          coalesce(nullif(m.subject, ''),
            case when m.direction = 'out' then 'To ' else 'From ' end || mp.full_name) as title,
          ${headline(sql`m.body`)} as snippet, m.person_id, null::uuid as organization_id, m.conversation_id
        from messages m join people mp on mp.id = m.person_id where m.id in ${idList}`;
    case 'question':
      return sql`select q.id, q.topic as title, ${headline(sql`q.text`)} as snippet,
          null::uuid as person_id, null::uuid as organization_id, null::uuid as conversation_id
        from questions q where q.id in ${idList}`;
  }
}

/**
 * Searches people, organizations, conversations, notes, debriefs (summaries and answers), tasks,
 * insights, messages and questions at once, each through its own index. Each source's best
 * candidates are ranked and the best `limit` of them all kept, each record once; then, for each
 * source among those, one small statement reads titles and highlights the matched words (the
 * costly part). Small statements plan faster than one joining every table, which mattered most on
 * the embedded database, where planning that join took longer than running it.
 */
export async function search(
  ctx: Ctx & { q: string; types?: readonly SearchType[]; limit?: number },
): Promise<SearchHit[]> {
  const query = prefixTsQuery(ctx.q);
  if (!query) return [];
  const limit = ctx.limit ?? 30;
  const types = new Set<SearchType>(ctx.types?.length ? ctx.types : SEARCH_TYPES);
  const sources = (Object.keys(SOURCES) as Source[]).filter((s) => types.has(SOURCES[s].type));
  const english = sql`to_tsquery('english', ${query})`;
  const raw = ctx.q.trim().slice(0, 200);
  const hits: Hit[] = [];
  for (const source of sources) hits.push(...(await wordHits(ctx, source, query, raw, limit)));
  // A fuzzy scan costs more than all the rest and adds nothing once the words fill the page.
  if (hits.length < limit) {
    for (const source of sources) {
      if (source === 'person' || source === 'organization')
        hits.push(...(await fuzzyHits(ctx, source, query, raw, limit)));
    }
  }
  // Each record once, at its best rank.
  const best = new Map<string, Hit>();
  for (const h of hits) {
    const key = `${h.source}:${h.id}`;
    if ((best.get(key)?.rank ?? -1) < h.rank) best.set(key, h);
  }
  const top = [...best.values()]
    .sort(
      (a, b) =>
        b.rank - a.rank || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.id < b.id ? -1 : 1),
    )
    .slice(0, limit);
  const found = new Map<string, Detail>();
  for (const source of sources) {
    const ids = top.filter((h) => h.source === source).map((h) => h.id);
    if (!ids.length) continue;
    const result = await ctx.db.execute(details(source, ids, english));
    for (const d of rowsOf<Detail>(result)) found.set(`${source}:${d.id}`, d);
  }
  return top.flatMap((h) => {
    const d = found.get(`${h.source}:${h.id}`);
    if (!d) return [];
    const type = SOURCES[h.source].type;
    const title =
      type === 'question' ? (QUESTION_TOPIC_LABELS[d.title as QuestionTopic] ?? 'Question bank') : d.title;
    return [
      {
        type,
        id: h.id,
        title,
        snippet: d.snippet ?? '',
        rank: Number(h.rank),
        personId: d.person_id,
        organizationId: d.organization_id,
        conversationId: d.conversation_id,
        part: h.source === 'debriefAnswer' ? 'answer' : h.source === 'debriefSummary' ? 'summary' : null,
      },
    ];
  });
}
