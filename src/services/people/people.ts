import { and, asc, eq, getTableColumns, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { isEmbedded } from '../../db/client.js';
import { ONE_PLAN_FOR_ANY_TEXT } from '../../db/pglite-prepared.js';
import { introductions, organizations, people, personTags, tags } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { KeepInTouch } from '../../domain/vocab.js';
import {
  type Ctx,
  cappedTotal,
  countCapFor,
  inTransaction,
  isoTime,
  likePattern,
  pageTotalColumn,
  updateVersioned,
} from '../context.js';
import { assertOrganizationInWorkspace } from '../organizations/organizations.js';

type PersonRow = typeof people.$inferSelect;

/**
 * A person as the app shows them: every column but the search vector, the People box's text and
 * whether they have been met (people.met), which only the database reads.
 */
export interface Person extends Omit<PersonRow, 'search' | 'filterText' | 'met'> {
  organizationName: string | null;
  tags: string[];
  introducedBy: { id: string; fullName: string } | null;
}

export interface PersonInput {
  fullName: string;
  title?: string | null;
  function?: string | null;
  seniority?: string | null;
  organizationId?: string | null;
  pastOrganizationIds?: string[];
  email?: string | null;
  phone?: string | null;
  linkedinUrl?: string | null;
  location?: string | null;
  timeZone?: string | null;
  howWeKnow?: string | null;
  introducedById?: string | null;
  tags?: string[];
  notes?: string;
  keepInTouch?: KeepInTouch;
  keepInTouchEveryDays?: number | null;
  preferredChannel?: string | null;
  connectedOn?: string | null;
}

/** Every column of a person but those only the database reads (see Person). */
const { search: _search, filterText: _filterText, met: _met, ...personColumns } = getTableColumns(people);

const PLAIN_FIELDS = [
  'fullName',
  'title',
  'function',
  'seniority',
  'organizationId',
  'pastOrganizationIds',
  'email',
  'phone',
  'linkedinUrl',
  'location',
  'timeZone',
  'howWeKnow',
  'notes',
  'keepInTouch',
  'keepInTouchEveryDays',
  'preferredChannel',
  'connectedOn',
] as const;

/** Refuses an id that is not a person of this workspace; returns their name. */
async function assertPersonInWorkspace(ctx: Ctx, id: string, field: string): Promise<string> {
  const [row] = await ctx.db
    .select({ id: people.id, fullName: people.fullName })
    .from(people)
    .where(and(eq(people.id, id), eq(people.workspaceId, ctx.workspaceId)));
  if (!row) {
    throw new AppError('validation', {
      userMessage: `${field}: no such person in this workspace.`,
      issues: [{ field, message: 'no such person in this workspace' }],
    });
  }
  return row.fullName;
}

/** Replaces a person's tags (a new person has none to remove); returns them in the list's order. */
async function setTags(
  ctx: Ctx,
  personId: string,
  names: string[],
  opts: { isNew?: boolean } = {},
): Promise<string[]> {
  const clean = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (!opts.isNew) await ctx.db.delete(personTags).where(eq(personTags.personId, personId));
  if (!clean.length) return [];
  await ctx.db
    .insert(tags)
    .values(clean.map((name) => ({ workspaceId: ctx.workspaceId, name })))
    .onConflictDoNothing();
  const rows = await ctx.db
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(and(eq(tags.workspaceId, ctx.workspaceId), inArray(tags.name, clean)))
    .orderBy(asc(tags.name));
  await ctx.db.insert(personTags).values(rows.map((t) => ({ personId, tagId: t.id })));
  return rows.map((t) => t.name);
}

/**
 * Records (or clears) who introduced this person outside any conversation. Saying again who it
 * was changes nothing: the stored introduction keeps its state, and introductions made through
 * conversations are never touched here.
 */
async function setIntroducer(
  ctx: Ctx,
  personId: string,
  introducerId: string | null,
): Promise<{ id: string; fullName: string } | undefined> {
  if (introducerId === personId) {
    throw new AppError('validation', {
      userMessage: 'introducedById: a person cannot introduce themselves.',
      issues: [{ field: 'introducedById', message: 'a person cannot introduce themselves' }],
    });
  }
  const current = await ctx.db
    .select({ id: introductions.id, introducerId: introductions.introducerId })
    .from(introductions)
    .where(and(eq(introductions.introducedId, personId), isNull(introductions.viaConversationId)));
  if (introducerId && current.some((c) => c.introducerId === introducerId)) return;
  // A different introducer (or none) replaces the one named before.
  if (current.length) {
    await ctx.db
      .delete(introductions)
      .where(and(eq(introductions.introducedId, personId), isNull(introductions.viaConversationId)));
  }
  if (!introducerId) return;
  const fullName = await assertPersonInWorkspace(ctx, introducerId, 'introducedById');
  await ctx.db
    .insert(introductions)
    .values({
      workspaceId: ctx.workspaceId,
      introducerId,
      introducedId: personId,
      state: 'made',
      introducedOn: ctx.now().toISOString().slice(0, 10),
      createdAt: ctx.now(),
    })
    .onConflictDoNothing();
  return { id: introducerId, fullName };
}

/** Refuses organizations from elsewhere; returns the current organization's name, if any. */
async function checkReferences(ctx: Ctx, input: Partial<PersonInput>): Promise<string | null> {
  const name = input.organizationId
    ? await assertOrganizationInWorkspace(ctx, input.organizationId, 'organizationId')
    : null;
  for (const id of input.pastOrganizationIds ?? []) {
    await assertOrganizationInWorkspace(ctx, id, 'pastOrganizationIds');
  }
  return name;
}

/** A person's insert, built once: it stores the values named at its making, and answers with the row. */
type PersonInsert = {
  execute: (
    values: Record<string, unknown>,
  ) => Promise<Omit<Person, 'organizationName' | 'tags' | 'introducedBy'>[]>;
};

/**
 * Person inserts already built, by database and by the fields they store. Drizzle builds an
 * insert's SQL from its columns in about 0.2 ms, a third of what PGlite takes to store the person
 * and wait for the disk; a built one only takes the values. A request's own database (a
 * transaction, a hosted request's scope) builds its own and lets it go with it.
 */
const personInserts = new WeakMap<object, Map<string, PersonInsert>>();
/** A statement name for each set of fields (PostgreSQL prepares a named one once per connection). */
const insertNames = new Map<string, string>();

function personInsert(db: Ctx['db'], fields: readonly string[]): PersonInsert {
  let built = personInserts.get(db);
  if (!built) {
    built = new Map();
    personInserts.set(db, built);
  }
  const key = fields.join(',');
  let insert = built.get(key);
  if (!insert) {
    const name = insertNames.get(key) ?? `rapport_create_person_${insertNames.size + 1}`;
    insertNames.set(key, name);
    const values = Object.fromEntries(fields.map((f) => [f, sql.placeholder(f)]));
    insert = db
      .insert(people)
      .values(values as PgInsertValue<typeof people>)
      .returning(personColumns)
      .prepare(name);
    built.set(key, insert);
  }
  return insert;
}

/**
 * Adds a person, with tags and who introduced them, all or nothing. The answer is put together
 * from what was written, not read back: a person with only a name is one statement, whose commit
 * is the one wait for the disk.
 */
export async function createPerson(ctx: Ctx & { input: PersonInput; source?: string }): Promise<Person> {
  const { input } = ctx;
  const write = async (tx: Ctx): Promise<Person> => {
    const organizationName = await checkReferences(tx, input);
    const values: Record<string, unknown> = {
      fullName: input.fullName.trim(),
      workspaceId: ctx.workspaceId,
      source: ctx.source ?? 'manual',
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    };
    for (const key of PLAIN_FIELDS)
      if (key !== 'fullName' && input[key] !== undefined) values[key] = input[key];
    const [row] = await personInsert(tx.db, Object.keys(values)).execute(values);
    const tagNames = input.tags?.length ? await setTags(tx, row!.id, input.tags, { isNew: true }) : [];
    const introducedBy = input.introducedById
      ? ((await setIntroducer(tx, row!.id, input.introducedById)) ?? null)
      : null;
    return { ...row!, organizationName, tags: tagNames, introducedBy };
  };
  const oneStatement =
    !input.organizationId &&
    !input.pastOrganizationIds?.length &&
    !input.tags?.length &&
    !input.introducedById;
  return oneStatement ? write(ctx) : inTransaction(ctx, write);
}

/**
 * A person in the API's form, as the columns of a row whose JSON (to_json, json_agg) is that
 * person: every column but the search vector and the workspace, times as toISOString writes them,
 * with their organization's name, tags and latest introducer. `tagNames` is the text[] of their
 * tags, in name order. A row's JSON is written from its columns' names, about a third cheaper than
 * json_build_object, which looks up how to write each value again for every person.
 */
function personFields(tagNames: SQL): SQL {
  return sql`p.id, p.full_name as "fullName", p.title, p.function, p.seniority,
  p.organization_id as "organizationId", p.past_organization_ids as "pastOrganizationIds", p.email,
  p.phone, p.linkedin_url as "linkedinUrl", p.location, p.time_zone as "timeZone",
  p.how_we_know as "howWeKnow", p.notes, p.keep_in_touch as "keepInTouch",
  p.keep_in_touch_every_days as "keepInTouchEveryDays", p.preferred_channel as "preferredChannel",
  p.connected_on as "connectedOn", ${isoTime(sql`p.last_interaction_at`)} as "lastInteractionAt",
  p.source, p.edited_fields as "editedFields", ${isoTime(sql`p.created_at`)} as "createdAt",
  ${isoTime(sql`p.updated_at`)} as "updatedAt", p.version,
  (select o.name from ${organizations} o where o.id = p.organization_id) as "organizationName",
  ${tagNames} as tags,
  (select json_build_object('id', i.id, 'fullName', i.full_name)
    from ${introductions} x join ${people} i on i.id = x.introducer_id
    where x.introduced_id = p.id order by x.created_at desc limit 1) as "introducedBy"`;
}

type PersonJson = Omit<Person, 'workspaceId' | 'createdAt' | 'updatedAt' | 'lastInteractionAt'> & {
  createdAt: string;
  updatedAt: string;
  lastInteractionAt: string | null;
};

/** A person read back from their JSON form, as the services hand people to each other. */
function personFromJson(r: PersonJson, workspaceId: string): Person {
  return {
    ...r,
    workspaceId,
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    lastInteractionAt: r.lastInteractionAt === null ? null : new Date(r.lastInteractionAt),
  };
}

/**
 * One person, with their organization's name, tags and introducer, as the JSON text the API
 * answers with. One statement with one field: PGlite decodes a result field by field, and the
 * route sends the text as it is.
 */
export async function getPersonJson(ctx: Ctx & { id: string }): Promise<string> {
  const result = await ctx.db.execute(sql`
    select to_json(r)::text as person from (select ${personFields(sql`coalesce((select array_agg(t.name order by t.name)
      from ${personTags} pt join ${tags} t on t.id = pt.tag_id where pt.person_id = p.id), '{}')`)}
    from ${people} p where p.id = ${ctx.id} and p.workspace_id = ${ctx.workspaceId}) r`);
  const row = (result as unknown as { rows: { person: string }[] }).rows[0];
  if (!row) throw notFound('person', ctx.id);
  return row.person;
}

/** One person with their organization's name, tags and introducer. */
export async function getPerson(ctx: Ctx & { id: string }): Promise<Person> {
  return personFromJson(JSON.parse(await getPersonJson(ctx)) as PersonJson, ctx.workspaceId);
}

export interface PeopleFilter {
  q?: string;
  organizationId?: string;
  tag?: string;
  limit?: number;
  offset?: number;
}

/**
 * The People list's filter, shared by its pages and by exports. Every field the box promises is
 * matched through a trigram index: name, title and e-mail as the one lower-cased text the database
 * keeps for it (filter_text, schema.ts), matched with LIKE against the lower-cased search text,
 * which is what ILIKE on each field does; the organization by its name's index. A keystroke never
 * reads every person.
 */
export function peopleWhere(
  ctx: Ctx &
    PeopleFilter & {
      /** A condition to use instead of the one that matches `q` (see matchingPage). */
      textMatch?: SQL;
    },
) {
  return and(
    eq(people.workspaceId, ctx.workspaceId),
    ctx.organizationId ? eq(people.organizationId, ctx.organizationId) : undefined,
    ctx.tag
      ? sql`exists (select 1 from ${personTags} pt join ${tags} t on t.id = pt.tag_id
          where pt.person_id = "people"."id" and t.name = ${ctx.tag})`
      : undefined,
    ctx.textMatch ?? (ctx.q ? peopleTextMatch(ctx, ctx.q) : undefined),
  );
}

/** The People box's own condition: the text `q` in a person's name, title, e-mail or organization. */
export function peopleTextMatch(ctx: Ctx, q: string): SQL {
  const pattern = likePattern(q);
  return sql`(${pattern.includes('\n') ? fieldByField(pattern) : sql`${people.filterText} like lower(${pattern})`}
    or ${people.organizationId} = any(array(select o.id from ${organizations} o
      where o.workspace_id = ${ctx.workspaceId} and o.name ilike ${pattern})))`;
}

/**
 * A search text with a line break could run from one field into the next in filter_text, where
 * the fields are lines: the index still finds the candidates, and each field is checked on its
 * own, as the box always matched (title and e-mail together, as their old index held them).
 */
function fieldByField(pattern: string): SQL {
  return sql`(${people.filterText} like lower(${pattern}) and (${people.fullName} ilike ${pattern}
    or (coalesce(${people.title}, '') || E'\\n' || coalesce(${people.email}, '')) ilike ${pattern}))`;
}

/** A person as the People list shows them: as their own page does. */
export type ListedPerson = Person;

/**
 * A page of the People list, its items as the JSON text the API answers with; `q` matches name,
 * title, e-mail or organization. The total is exact up to a thousand (or the page asked for);
 * beyond it `totalIsCapped` says there are more.
 *
 * One statement: the page, each row's organization, tags and introducer, and the capped count.
 * The page comes back as one JSON value: PGlite decodes a result field by field, and on the
 * embedded database every statement waits for the one before it, so one round trip with one
 * field is several times cheaper than a page of rows and a second query. The route sends that
 * text as it is: parsing and writing a page of 100 again cost as much as the statement.
 */
export async function listPeopleJson(
  ctx: Ctx & PeopleFilter,
): Promise<{ itemsJson: string; total: number; totalIsCapped: boolean }> {
  const limit = ctx.limit ?? 100;
  const offset = ctx.offset ?? 0;
  const cap = countCapFor({ offset, limit });
  const result = await ctx.db.execute(
    ctx.q && hasTrigram(ctx.q) && isEmbedded(ctx.db)
      ? matchingPage(ctx, ctx.q, { limit, offset, cap })
      : plannedPage(ctx, { limit, offset }),
  );
  const row = (result as unknown as { rows: { items: string; n: number }[] }).rows[0]!;
  return { itemsJson: row.items, ...cappedTotal(Number(row.n), cap) };
}

/** Each row's tags, for the people of `page` (a CTE of people rows): a CTE named `tagged`. */
const TAGGED = sql`tagged as (
      select pt.person_id, array_agg(t.name order by t.name) as names
      from page join ${personTags} pt on pt.person_id = page.id join ${tags} t on t.id = pt.tag_id
      group by pt.person_id
    )`;

/** The rows of `page`, with their tags from `tagged`, as one JSON text in name order. */
const PAGE_ITEMS = sql`coalesce((select json_agg(r order by lower(r."fullName"), r.id)
        from (select ${personFields(sql`coalesce(tagged.names, '{}')`)}
          from page p left join tagged on tagged.person_id = p.id) r), '[]')::text`;

/**
 * A page as the database plans it for the values at hand: without a search text, through the name
 * index. The capped count only runs when the page is full or not the first.
 */
function plannedPage(ctx: Ctx & PeopleFilter, opts: { limit: number; offset: number }): SQL {
  const where = peopleWhere(ctx);
  return sql`with page as materialized (
      select * from ${people} where ${where}
      order by lower(${people.fullName}), ${people.id}
      limit ${opts.limit} offset ${opts.offset}
    ), ${TAGGED}
    select ${PAGE_ITEMS} as items,
      ${pageTotalColumn(sql`select 1 from ${people} where ${where}`, opts)} as n`;
}

/**
 * Whether the text has three letters or digits in a row: the text indexes (pg_trgm) then narrow
 * the search to the people who share them. A shorter text (the first keystroke, "li", "x y")
 * gives those indexes nothing to look up, so they would be read whole (30 → 230 ms for "zh" at
 * 50,000 people): it goes to the plan made for its values (plannedPage).
 */
function hasTrigram(q: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(q);
}

/**
 * More matches than this are read in name order, each person checked against the text, rather
 * than all gathered through the text indexes and sorted. At 50,000 people a full page of 100
 * then means reading about 5,000 rows, and gathering 1,000 matches costs about as much.
 */
const FEW_MATCHES = 1000;

/**
 * A page of the people matching `q`. The matches are counted first (up to the cap), through the
 * text indexes: that count decides how the page is read, and is the total. A few matches (a
 * name, an e-mail) are gathered through the indexes and sorted; many (a title word) are found by
 * reading people in name order until the page is full. Each way is a branch of its own, the
 * other never run, so the statement has one plan for any text: kept prepared, it is not planned
 * again at each keystroke (a name: 6.0 → 2.7 ms at 50,000 people; a title word: 10.9 → 9.3 ms).
 * On the embedded database only: PostgreSQL plans each statement for its values, and the plan
 * it makes for the whole filter is already quick there.
 */
function matchingPage(
  ctx: Ctx & PeopleFilter,
  q: string,
  opts: { limit: number; offset: number; cap: number },
): SQL {
  const where = peopleWhere(ctx);
  // The same condition, written so that no index serves it: each person is checked in turn.
  const checked = peopleWhere({ ...ctx, q: undefined, textMatch: sql`(${peopleTextMatch(ctx, q)}) is true` });
  const ordered = sql`order by lower(${people.fullName}), ${people.id} limit ${opts.limit} offset ${opts.offset}`;
  return sql`with matched as (
      select count(*)::int as n from (select 1 from ${people} where ${where} limit ${opts.cap + 1}) capped
    ), page as materialized (
      (select * from ${people} where ${where} and (select n from matched) <= ${FEW_MATCHES} ${ordered})
      union all
      (select * from ${people} where ${checked} and (select n from matched) > ${FEW_MATCHES} ${ordered})
    ), ${TAGGED}
    select ${PAGE_ITEMS} as items, (select n from matched) as n ${sql.raw(ONE_PLAN_FOR_ANY_TEXT)}`;
}

/** Lists people by name, as listPeopleJson, with each person as the services use them. */
export async function listPeople(
  ctx: Ctx & PeopleFilter,
): Promise<{ items: ListedPerson[]; total: number; totalIsCapped: boolean }> {
  const { itemsJson, ...total } = await listPeopleJson(ctx);
  const items = (JSON.parse(itemsJson) as PersonJson[]).map((r) => personFromJson(r, ctx.workspaceId));
  return { items, ...total };
}

/**
 * Edits a person. Fields the user edits are remembered, so a later import from LinkedIn never
 * overwrites them.
 */
export async function updatePerson(
  ctx: Ctx & { id: string; version?: number; input: Partial<PersonInput> },
): Promise<Person> {
  return inTransaction(ctx, async (tx) => {
    const { input } = ctx;
    await checkReferences(tx, input);
    const values: Record<string, unknown> = {};
    for (const key of PLAIN_FIELDS) if (input[key] !== undefined) values[key] = input[key];
    if (typeof values.fullName === 'string') values.fullName = values.fullName.trim();
    const edited = Object.keys(values);
    if (edited.length) {
      values.editedFields = sql`(select array(select distinct unnest(${people.editedFields} || ${sql.param(
        edited,
      )}::text[])))`;
    }
    await updateVersioned(tx, people, 'person', ctx.id, ctx.version, values);
    if (input.tags !== undefined) await setTags(tx, ctx.id, input.tags);
    if (input.introducedById !== undefined) await setIntroducer(tx, ctx.id, input.introducedById);
    return getPerson({ ...tx, id: ctx.id });
  });
}

/** Deletes a person with their notes, messages and participations. */
export async function deletePerson(ctx: Ctx & { id: string }): Promise<void> {
  const deleted = await ctx.db
    .delete(people)
    .where(and(eq(people.id, ctx.id), eq(people.workspaceId, ctx.workspaceId)))
    .returning({ id: people.id });
  if (!deleted.length) throw notFound('person', ctx.id);
}

/** Marks an interaction with people: the keep-in-touch clock restarts from the latest one. */
export async function touchPeople(ctx: Ctx, personIds: string[], at: Date): Promise<void> {
  if (!personIds.length) return;
  await ctx.db
    .update(people)
    .set({ lastInteractionAt: sql`greatest(${people.lastInteractionAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(inArray(people.id, personIds), eq(people.workspaceId, ctx.workspaceId)));
}

export { assertPersonInWorkspace };
