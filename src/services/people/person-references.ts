/**
 * Every place a person's id is stored, found from the schema itself, and what a merge does with
 * each. Foreign keys to `people.id` are discovered with `getTableConfig`, so a new one cannot be
 * forgotten silently: `personReferences()` throws when a foreign key has no rule here, and a test
 * fails. Person ids stored without a foreign key (reminder rule keys) are handled in merge-people.ts.
 */
import { type SQL, sql } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema.js';

/** One column that holds a person id, with the rows of it that must be dropped rather than moved. */
export interface PersonReference {
  table: PgTable;
  tableName: string;
  column: string;
  /** Primary-key column names, to find a moved row again on undo. */
  key: string[];
  /** Columns written on insert (generated ones left out), to put a dropped row back on undo. */
  insertable: string[];
  /**
   * For rows of the merged person (alias `t`): true when moving the row to the kept person would
   * duplicate one the kept person already has, or make a self-reference. Such rows are dropped
   * (and kept in the merge's snapshot), which loses nothing the kept person does not already have.
   */
  dropWhen?: (kept: string) => SQL;
}

type DropRule = ((kept: string) => SQL) | null;

/** The rule for every foreign key to people, by "table.column". `null` means a plain move. */
const RULES: Record<string, DropRule> = {
  'person_tags.person_id': (kept) =>
    sql`exists (select 1 from person_tags x where x.person_id = ${kept} and x.tag_id = t.tag_id)`,
  'conversation_participants.person_id': (kept) =>
    sql`exists (select 1 from conversation_participants x
      where x.person_id = ${kept} and x.conversation_id = t.conversation_id)`,
  // An introduction between the two people becomes a self-introduction: drop it.
  'introductions.introducer_id': (kept) =>
    sql`(t.introduced_id = ${kept} or exists (select 1 from introductions x
      where x.workspace_id = t.workspace_id and x.introducer_id = ${kept} and x.introduced_id = t.introduced_id))`,
  'introductions.introduced_id': (kept) =>
    sql`(t.introducer_id = ${kept} or exists (select 1 from introductions x
      where x.workspace_id = t.workspace_id and x.introducer_id = t.introducer_id and x.introduced_id = ${kept}))`,
  'opportunity_sources.person_id': (kept) =>
    sql`exists (select 1 from opportunity_sources x where x.opportunity_id = t.opportunity_id
      and x.person_id = ${kept} and x.conversation_id is not distinct from t.conversation_id)`,
  'duplicate_dismissals.person_a_id': (kept) =>
    sql`(t.person_b_id = ${kept} or exists (select 1 from duplicate_dismissals x
      where x.workspace_id = t.workspace_id
      and least(x.person_a_id, x.person_b_id) = least(${kept}::uuid, t.person_b_id)
      and greatest(x.person_a_id, x.person_b_id) = greatest(${kept}::uuid, t.person_b_id)))`,
  'duplicate_dismissals.person_b_id': (kept) =>
    sql`(t.person_a_id = ${kept} or exists (select 1 from duplicate_dismissals x
      where x.workspace_id = t.workspace_id
      and least(x.person_a_id, x.person_b_id) = least(${kept}::uuid, t.person_a_id)
      and greatest(x.person_a_id, x.person_b_id) = greatest(${kept}::uuid, t.person_a_id)))`,
  'conversation_documents.shared_with_id': null,
  'notes.person_id': null,
  'insights.person_id': null,
  'messages.person_id': null,
  'tasks.person_id': null,
};

function isTable(value: unknown): value is PgTable {
  try {
    return getTableConfig(value as PgTable).name !== undefined;
  } catch {
    return false;
  }
}

/** Every foreign-key column to `people.id` in the schema, as "table.column". */
export function foreignKeysToPeople(): { table: PgTable; tableName: string; column: string }[] {
  const found: { table: PgTable; tableName: string; column: string }[] = [];
  for (const value of Object.values(schema)) {
    if (!isTable(value)) continue;
    const config = getTableConfig(value);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      if (getTableConfig(ref.foreignTable).name !== 'people') continue;
      for (const column of ref.columns)
        found.push({ table: value, tableName: config.name, column: column.name });
    }
  }
  return found;
}

/** The foreign keys to people with their merge rules; throws when one has no rule. */
export function personReferences(): PersonReference[] {
  return foreignKeysToPeople().map(({ table, tableName, column }) => {
    const name = `${tableName}.${column}`;
    if (!(name in RULES)) {
      throw new Error(
        `${name} references people but merging does not know how to move it (person-references.ts).`,
      );
    }
    const config = getTableConfig(table);
    const columns = config.columns as PgColumn[];
    const key = config.primaryKeys[0]
      ? config.primaryKeys[0].columns.map((c) => c.name)
      : columns.filter((c) => c.primary).map((c) => c.name);
    const insertable = columns.filter((c) => !c.generated && !c.generatedIdentity).map((c) => c.name);
    const rule = RULES[name];
    return { table, tableName, column, key, insertable, ...(rule ? { dropWhen: rule } : {}) };
  });
}

/** The rules, for the test that every rule still matches a foreign key. */
export const RULE_NAMES = Object.keys(RULES);
