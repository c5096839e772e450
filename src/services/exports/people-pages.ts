/**
 * The People list in its order, a page at a time, as the CSV export writes it.
 */
import { type SQL, sql } from 'drizzle-orm';
import { introductions, organizations, people, personTags, tags } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { type PeopleFilter, peopleWhere } from '../people/people.js';

/**
 * The fields of a person as an export writes them (every field a person's page shows), in the
 * order of a page row's values.
 */
export const PERSON_FIELDS = [
  'fullName',
  'title',
  'function',
  'seniority',
  'organizationName',
  'email',
  'phone',
  'linkedinUrl',
  'location',
  'timeZone',
  'howWeKnow',
  'introducedByName',
  'tags',
  'keepInTouch',
  'keepInTouchEveryDays',
  'preferredChannel',
  'connectedOn',
  'lastInteractionAt',
  'source',
  'notes',
  'createdAt',
  'updatedAt',
] as const;

/** Where each field's value is in a page row. */
export const PERSON_AT = Object.fromEntries(PERSON_FIELDS.map((f, i) => [f, i])) as Record<
  (typeof PERSON_FIELDS)[number],
  number
>;

/**
 * A person as a page row: every value as text or null, by its place in PERSON_FIELDS; tags as the
 * JSON text of their array (null for none), times as milliseconds since 1970 (`instantOf`). After
 * the fields come the row's sort key (lower(full_name) and id). Rows are handed on as the page's
 * JSON gives them: an object made of each, with three dates, was work the CSV lines do not need.
 */
export type PersonRow = readonly (string | null)[];

/** Milliseconds since 1970 as a page row holds them, back to a date. */
export function instantOf(v: string | null | undefined): Date | null {
  return v === null || v === undefined ? null : new Date(Number(v));
}

/** A page row's tags, as a list. */
export function tagsOf(row: PersonRow): string[] {
  const names = row[PERSON_AT.tags];
  return names === null || names === undefined ? [] : (JSON.parse(names) as string[]);
}

/** Organization names by id (null: no such organization), as an export has looked them up so far. */
export type OrganizationNames = Map<string, string | null>;

/**
 * Puts each row's organization name where the page statement left its id, looking up only the
 * ids `names` does not hold yet, in one statement. An export of 200,000 people in 10,000
 * organizations looks up each organization once instead of once a person: looked up a row at a
 * time in the page statement, the names were 0.45 s of the export's 3.8 s (in process, CPU).
 * A name changed during an export is seen by the pages read after the change only if its
 * organization was not seen before; the export reads its pages one after another, not as one
 * snapshot, either way.
 */
async function nameOrganizations(ctx: Ctx, rows: (string | null)[][], names: OrganizationNames) {
  const at = PERSON_AT.organizationName;
  const missing = new Set<string>();
  for (const row of rows) {
    const id = row[at];
    if (id !== null && id !== undefined && !names.has(id)) missing.add(id);
  }
  if (missing.size) {
    const result = await ctx.db.execute(sql`
      select coalesce(json_object_agg(o.id, o.name), '{}')::text as names
      from ${organizations} o where o.id = any(${sql.param([...missing])}::uuid[])`);
    const raw = (result as unknown as { rows: { names: string }[] }).rows[0]?.names ?? '{}';
    const found = JSON.parse(raw) as Record<string, string>;
    for (const id of missing) names.set(id, found[id] ?? null);
  }
  for (const row of rows) {
    const id = row[at];
    if (id !== null && id !== undefined) row[at] = names.get(id) ?? null;
  }
}

/** Each tagged person's tags, by person id, as a page row holds them (the JSON text of their names). */
export type PeopleTags = Map<string, string>;

/** Tagged people a statement of `loadPeopleTags` reads: about 20 ms on the embedded database. */
const TAGS_CHUNK = 5000;

/**
 * The tags of every tagged person in the workspace, read in order of person id, TAGS_CHUNK people a
 * statement, with `pause` between two. A page reads its people's tags by looking up each of them in
 * the tags table's index, a few microseconds each on the embedded database: 0.85 s of the page
 * statements' 3.8 s for 200,000 people (in process, CPU), where reading them all in the index's
 * order took 0.47-0.50 s (120,000 tagged people; pages and all, 4.22 -> 3.70 s median). On the
 * embedded database an export of more than one page reads them so (exports-csv.ts); tags given
 * or taken away during such an export are then written as they were when it began. PostgreSQL
 * looks a page's people up quickly, and there the person_tags of every workspace lie together in
 * one index: reading one workspace's in index order would read them all.
 */
export async function loadPeopleTags(ctx: Ctx, pause: () => Promise<void>): Promise<PeopleTags> {
  const found: PeopleTags = new Map();
  let after: string | undefined;
  for (;;) {
    const result = await ctx.db.execute(sql`
      select coalesce(json_agg(json_build_array(x.person_id, x.names) order by x.person_id), '[]')::text as chunk
      from (
        select pt.person_id, array_to_json(array_agg(t.name order by t.name))::text as names
        from ${personTags} pt join ${tags} t on t.id = pt.tag_id
        where t.workspace_id = ${ctx.workspaceId} ${after ? sql`and pt.person_id > (select ${after}::uuid)` : sql``}
        group by pt.person_id
        order by pt.person_id
        limit ${sql.raw(String(TAGS_CHUNK))}
      ) x`);
    const raw = (result as unknown as { rows: { chunk: string }[] }).rows[0]?.chunk ?? '[]';
    const pairs = JSON.parse(raw) as [string, string][];
    for (const [id, names] of pairs) found.set(id, names);
    if (pairs.length < TAGS_CHUNK) return found;
    after = pairs[pairs.length - 1]![0];
    await pause();
  }
}

/** The exact time of a timestamp in milliseconds, truncated as JavaScript dates are. */
const epochMs = (column: SQL) => sql`floor(extract(epoch from ${column}) * 1000)::text`;

/**
 * The people list in its order, one page after another, for exports. Keyset paging: each page
 * starts after the sort key of the last row of the page before, so a page deep in the list costs
 * what the first one does (no OFFSET) and no total is counted. A page comes back as one JSON
 * array: PGlite decodes a result field by field, and one field a page instead of twenty-odd a
 * row makes 200,000 people several times faster to read.
 *
 * Each row is an array of text, not a JSON array of typed values: json_build_array looks up how
 * to write each of its two dozen arguments again for every row, while a text array's elements
 * are written one way. Times come as milliseconds since 1970 (exact: extract gives a numeric),
 * which is both cheaper to write than an ISO string with an offset and cheaper to read back.
 * Measured over 200,000 people (CPU, in one process): 1.4 s to write the values as before, 1.0 s
 * as text.
 *
 * The page walks the name index in the list's order; each row's organization comes as its id,
 * named afterwards (`nameOrganizations`). The latest introducers and the tags of the whole page
 * (unless given, see `loadPeopleTags`) are each read in one statement part over the page's ids:
 * read person by person, each row scanned the tags
 * table afresh (a sort and a hash join a row, and on the embedded database a file-size look-up
 * for every scan), the largest part of a page's time, and most of the 500 introducer look-ups
 * a page found nothing (one index scan over the page's ids: 0.7 ms less of a page's 14).
 *
 * The page size is written into the statement's text, not passed as a parameter: on the embedded
 * database a statement sent again is kept prepared (db/pglite-prepared.ts), and with the limit as
 * a parameter PostgreSQL's plan for any value expects a tenth of the table and is seldom chosen:
 * most pages were planned again (about 4 ms of a page's 12). The key is read through two
 * one-value subqueries for the same reason: PostgreSQL compares the plan for any key with the ones
 * it made for the first pages' keys, which, early in the list, look cheaper; given the keys
 * themselves, it planned 363 of an export's 400 pages anew. Through the subqueries every plan looks
 * alike, one serves from the sixth page on, and the index still starts at the key.
 */
export async function listPeopleAfter(
  ctx: Ctx &
    Omit<PeopleFilter, 'offset'> & {
      after?: string[];
      limit: number;
      /** Names already looked up, kept from page to page by the caller. */
      organizationNames?: OrganizationNames;
      /** Every tagged person's tags (`loadPeopleTags`): the page then reads none. */
      tags?: PeopleTags;
    },
): Promise<{ items: PersonRow[]; next: string[] | null }> {
  const [name, id] = ctx.after ?? [];
  const after = ctx.after
    ? sql`and (lower(${people.fullName}), ${people.id}) > ((select ${name}::text), (select ${id}::uuid))`
    : sql``;
  const statement = sql`
    with page as materialized (
      select ${people.id} as id, lower(${people.fullName}) as k, ${people.fullName} as full_name,
        ${people.title} as title, ${people.function} as function, ${people.seniority} as seniority,
        ${people.organizationId} as organization_id, ${people.email} as email, ${people.phone} as phone,
        ${people.linkedinUrl} as linkedin_url, ${people.location} as location, ${people.timeZone} as time_zone,
        ${people.howWeKnow} as how_we_know, ${people.keepInTouch} as keep_in_touch,
        ${people.keepInTouchEveryDays} as keep_in_touch_every_days, ${people.preferredChannel} as preferred_channel,
        ${people.connectedOn} as connected_on, ${people.lastInteractionAt} as last_interaction_at,
        ${people.source} as source, ${people.notes} as notes, ${people.createdAt} as created_at,
        ${people.updatedAt} as updated_at
      from ${people}
      where ${peopleWhere(ctx)} ${after}
      order by lower(${people.fullName}), ${people.id}
      limit ${sql.raw(String(Math.trunc(ctx.limit)))}
    ),
    introducer as (
      select distinct on (x.introduced_id) x.introduced_id, i.full_name
      from ${introductions} x join ${people} i on i.id = x.introducer_id
      where x.introduced_id = any(array(select id from page))
      order by x.introduced_id, x.created_at desc
    ),
    tagged as (
      select pt.person_id, array_to_json(array_agg(t.name order by t.name))::text as names
      from ${personTags} pt join ${tags} t on t.id = pt.tag_id
      -- With the tags given, none are read (false: the planner skips the whole part).
      where ${ctx.tags ? sql`false and` : sql``} pt.person_id = any(array(select id from page))
      group by pt.person_id
    )
    select coalesce(json_agg(array[p.full_name, p.title, p.function, p.seniority,
        p.organization_id::text,
        p.email, p.phone, p.linkedin_url, p.location, p.time_zone, p.how_we_know,
        introducer.full_name,
        tagged.names, p.keep_in_touch, p.keep_in_touch_every_days::text, p.preferred_channel,
        to_json(p.connected_on) #>> '{}', ${epochMs(sql`p.last_interaction_at`)}, p.source, p.notes,
        ${epochMs(sql`p.created_at`)}, ${epochMs(sql`p.updated_at`)}, p.k, p.id::text]
      order by p.k, p.id), '[]')::text as page
    from page p left join introducer on introducer.introduced_id = p.id
      left join tagged on tagged.person_id = p.id`;
  const result = await ctx.db.execute(statement);
  const raw = (result as unknown as { rows: { page: string }[] }).rows[0]?.page ?? '[]';
  const tuples = JSON.parse(raw) as (string | null)[][];
  await nameOrganizations(ctx, tuples, ctx.organizationNames ?? new Map());
  const peopleTags = ctx.tags;
  if (peopleTags) {
    const id = PERSON_FIELDS.length + 1;
    for (const row of tuples) row[PERSON_AT.tags] = peopleTags.get(row[id] as string) ?? null;
  }
  const last = tuples.length === ctx.limit ? tuples[tuples.length - 1] : undefined;
  const key = PERSON_FIELDS.length;
  return { items: tuples, next: last ? [last[key] as string, last[key + 1] as string] : null };
}
