/**
 * The batched writes of an import (LinkedIn, vCard, CSV), as steps (src/db/staged.ts). Each
 * step is one statement that reads its rows from `unnest` of one array parameter per column: on
 * PGlite this is several times faster than one statement per person, and it has no ceiling on
 * the number of parameters. Organizations are named by their key in the steps and found by it
 * when a step runs, so steps can be planned before the organizations exist.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Step } from '../../db/staged.js';
import { nextTurn } from '../../domain/steps.js';
import type { Ctx } from '../context.js';

/**
 * How many people one statement writes; also how often progress is reported. On the embedded
 * database a statement runs on the event loop's thread and other requests wait for it: 5,000
 * people a statement was the fastest in total (1.1 s to update 14,500) but held everything else
 * for a quarter of a second at a time; 500 still held it for 100–350 ms on a busy machine
 * (inserting people also fills their search indexes); 100 keeps most statements near 20 ms.
 */
export const CHUNK_SIZE = 100;

/**
 * How many matched people one update statement writes. Nearly every imported field is indexed
 * (position and e-mail by trigrams, organization, "Connected On" by Today's reconnect order,
 * location and notes by search), so an update writes a new entry in every index of `people`, as
 * an insert does. 30,000-row import, load 7, CPU of one statement: 100 people took 40 ms at the
 * 90th percentile; 50 take 28 ms, for the same total. The longest (about 70 ms) are the ones that
 * merge a search index's pending entries, whatever their size.
 */
const UPDATE_CHUNK_SIZE = 50;

export interface NewPerson {
  fullName: string;
  title: string | null;
  /** The organization's matching key; its id is known once the organizations exist. */
  organizationKey: string | null;
  email: string | null;
  linkedinUrl: string | null;
  connectedOn: string | null;
  phone: string | null;
  location: string | null;
  notes: string | null;
}

/** The fields an import may set, as they are named in `people.edited_fields`. */
export const IMPORTED_FIELDS = [
  'title',
  'organizationId',
  'email',
  'linkedinUrl',
  'connectedOn',
  'phone',
  'location',
  'notes',
] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];

/** Where imported people came from, as `people.source` records it. */
export type ImportSource = 'linkedin' | 'vcard' | 'csv';

export interface PersonChange {
  id: string;
  /** New values of the fields that change; absent fields keep their value. */
  title?: string;
  organizationKey?: string;
  email?: string;
  linkedinUrl?: string;
  connectedOn?: string;
  phone?: string;
  location?: string;
  notes?: string;
}

function chunks<T>(items: T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The steps that create the organizations an import needs (name by key); organizations already
 * there are kept as they are.
 */
export function organizationSteps(ctx: Ctx, names: Map<string, string>): Step[] {
  const now = ctx.now().toISOString();
  return chunks([...names.keys()]).map((batch) => ({
    statement: sql`
      insert into organizations (workspace_id, name, name_key, created_at, updated_at)
      select ${ctx.workspaceId}::uuid, u.name, u.name_key, ${now}::timestamptz, ${now}::timestamptz
      from unnest(${sql.param(batch.map((k) => names.get(k)!))}::text[], ${sql.param(batch)}::text[])
        as u(name, name_key)
      on conflict (workspace_id, name_key) do nothing`,
    rows: 0,
  }));
}

/** The steps that insert new people, each with a check that casts every value as the insert does. */
export function insertPeopleSteps(ctx: Ctx, source: ImportSource, rows: NewPerson[]): Step[] {
  const now = ctx.now().toISOString();
  return chunks(rows).map((batch) => {
    const col = <T>(pick: (r: NewPerson) => T) => sql.param(batch.map(pick));
    const from = sql`unnest(
        ${col((r) => r.fullName)}::text[],
        ${col((r) => r.title)}::text[],
        ${col((r) => r.organizationKey)}::text[],
        ${col((r) => r.email)}::text[],
        ${col((r) => r.linkedinUrl)}::text[],
        ${col((r) => r.connectedOn)}::date[],
        ${col((r) => r.phone)}::text[],
        ${col((r) => r.location)}::text[],
        ${col((r) => r.notes)}::text[]
      ) as u(full_name, title, organization_key, email, linkedin_url, connected_on, phone, location, notes)`;
    return {
      statement: sql`
        insert into people (workspace_id, full_name, title, organization_id, email, linkedin_url,
          connected_on, phone, location, notes, source, created_at, updated_at)
        select ${ctx.workspaceId}::uuid, u.full_name, u.title, o.id, u.email, u.linkedin_url,
          u.connected_on, u.phone, u.location, coalesce(u.notes, ''), ${source}::text, ${now}::timestamptz,
          ${now}::timestamptz
        from ${from}
        left join organizations o on o.workspace_id = ${ctx.workspaceId}::uuid and o.name_key = u.organization_key`,
      check: sql`select count(*) from ${from}`,
      rows: batch.length,
    };
  });
}

/** How each field of a change is written: its column, its name in `edited_fields`, its type. */
const CHANGE_COLUMNS = {
  title: { column: 'title', field: 'title', type: 'text' },
  // The organization travels as its key and is found when the step runs.
  organizationKey: { column: 'organization_id', field: 'organizationId', type: 'text' },
  email: { column: 'email', field: 'email', type: 'text' },
  linkedinUrl: { column: 'linkedin_url', field: 'linkedinUrl', type: 'text' },
  connectedOn: { column: 'connected_on', field: 'connectedOn', type: 'date' },
  phone: { column: 'phone', field: 'phone', type: 'text' },
  location: { column: 'location', field: 'location', type: 'text' },
  notes: { column: 'notes', field: 'notes', type: 'text' },
} as const satisfies Record<
  Exclude<keyof PersonChange, 'id'>,
  { column: string; field: ImportedField; type: string }
>;
type ChangeKey = keyof typeof CHANGE_COLUMNS;
const CHANGE_KEYS = Object.keys(CHANGE_COLUMNS) as ChangeKey[];

/**
 * The workspace check of an update step, written so that it cannot choose how people are read.
 * A folder without planner statistics (new, just restored or just imported into: PGlite has no
 * autovacuum) has the planner guess that a workspace holds 0.5% of the people; it then read every
 * person of the workspace through its index for each 100-person step (1,952 pages at 20,000
 * people, the whole table, and more as dead rows pile up) instead of finding the 100 by id.
 * `is true` keeps the check but is no index condition, so the rows are found by primary key.
 */
const inWorkspace = (ctx: Ctx) => sql`(p.workspace_id = ${ctx.workspaceId}::uuid) is true`;

/**
 * The steps that update the imported fields of matched people. Changes are grouped by the fields
 * they set, and each statement sets only those columns: a person whose "Connected On" alone
 * changes does not have the search vector recomputed, and one whose phone or profile URL alone
 * changes (no index has them) keeps, with the room people's fill factor leaves on each page, its
 * new row version on its page without new index entries (a HOT update). The database checks
 * `edited_fields` again, so an edit the user saved while the import ran is never overwritten either.
 */
export function updatePeopleSteps(ctx: Ctx, changes: PersonChange[]): Step[] {
  const now = ctx.now().toISOString();
  const groups = new Map<string, { keys: ChangeKey[]; changes: PersonChange[] }>();
  for (const change of changes) {
    const keys = CHANGE_KEYS.filter((k) => change[k] !== undefined);
    const name = keys.join(',');
    const group = groups.get(name);
    if (group) group.changes.push(change);
    else groups.set(name, { keys, changes: [change] });
  }
  const steps: Step[] = [];
  for (const { keys, changes: grouped } of groups.values()) {
    // Notes are the user's own writing: an import only fills them in while they are empty.
    const set = keys.map((k) => {
      const { column, field } = CHANGE_COLUMNS[k];
      const guard = k === 'notes' ? " and p.notes = ''" : '';
      const value: SQL =
        k === 'organizationKey'
          ? sql`(select o.id from organizations o where o.workspace_id = ${ctx.workspaceId}::uuid and o.name_key = u.organization_id)`
          : sql.raw(`u.${column}`);
      return sql`${sql.raw(`${column} = case when not ('${field}' = any(p.edited_fields))${guard} then `)}${value}${sql.raw(` else p.${column} end`)}`;
    });
    const names = sql.raw(['id', ...keys.map((k) => CHANGE_COLUMNS[k].column)].join(', '));
    for (const batch of chunks(grouped, UPDATE_CHUNK_SIZE)) {
      const arrays = keys.map(
        (k) => sql`${sql.param(batch.map((c) => c[k]))}::${sql.raw(CHANGE_COLUMNS[k].type)}[]`,
      );
      const from = sql`unnest(${sql.param(batch.map((c) => c.id))}::uuid[], ${sql.join(arrays, sql`, `)}) as u(${names})`;
      steps.push({
        statement: sql`
          update people p set ${sql.join(set, sql`, `)}, version = p.version + 1, updated_at = ${now}::timestamptz
          from ${from}
          where p.id = u.id and ${inWorkspace(ctx)}`,
        check: sql`select count(*) from ${from}`,
        rows: batch.length,
      });
    }
  }
  return steps;
}

/** Runs steps one after the other (inside the caller's transaction, if any); `onStep` hears each one's rows. */
export async function runSteps(ctx: Ctx, steps: Step[], onStep: (rows: number) => void): Promise<void> {
  for (const step of steps) {
    await ctx.db.execute(step.statement);
    if (step.rows) onStep(step.rows);
    await nextTurn();
  }
}

/** Updates the imported fields of matched people now (see `updatePeopleSteps`). */
export async function updatePeople(
  ctx: Ctx,
  changes: PersonChange[],
  onChunk: (written: number) => void,
): Promise<void> {
  await runSteps(ctx, updatePeopleSteps(ctx, changes), onChunk);
}
