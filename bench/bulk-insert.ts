import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../src/db/client.js';

/** A row keyed by the Drizzle property names of its table (`fullName`, not `full_name`). */
export type Row = Record<string, unknown>;

/**
 * Inserts rows with `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`: one array
 * parameter per column instead of one parameter per value. On PGlite this is about 3x faster
 * than Drizzle's multi-row VALUES and has no 65,535-parameter ceiling. Columns that no row sets
 * take their defaults; a column set in some rows only gets NULL in the others. The database
 * gives no time column a default (the app writes its clock's time), so a required time column
 * no row sets is filled with `now`.
 */
export async function bulkInsert(
  db: Db,
  table: PgTable,
  given: Row[],
  batchSize = 5000,
  now = new Date(),
): Promise<number> {
  if (!given.length) return 0;
  const columns = getTableColumns(table);
  const times = Object.entries(columns)
    .filter(([, c]) => c.notNull && !c.hasDefault && c.dataType === 'date')
    .map(([key]) => key);
  const rows = times.length
    ? given.map((r) => ({ ...Object.fromEntries(times.map((k) => [k, now])), ...r }))
    : given;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const unknown = keys.filter((k) => !columns[k]);
  if (unknown.length) throw new Error(`${getTableName(table)} has no column for: ${unknown.join(', ')}`);
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays: SQL[] = keys.map((key) => {
      const column = columns[key]!;
      const values = batch.map((r) => {
        const v = r[key];
        return v === undefined || v === null ? null : column.mapToDriverValue(v);
      });
      return sql`${sql.param(values)}::${sql.raw(column.getSQLType())}[]`;
    });
    await db.execute(sql`insert into ${table} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`);
  }
  return rows.length;
}
