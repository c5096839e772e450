import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { notFound, staleEdit } from '../domain/errors.js';

/** Everything a service call needs: the database, the workspace it is scoped to, and a clock. */
export interface Ctx {
  db: Db;
  workspaceId: string;
  userId: string;
  /** Injectable so rules that depend on time can be tested without waiting. */
  now: () => Date;
  /** The key that seals the mailbox password (services/mail/secret.ts); absent where no mail is used. */
  secretKey?: () => Buffer;
}

/** A transaction has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Runs `fn` in one transaction, with a context whose db is the transaction. */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

interface VersionedTable {
  id: PgColumn;
  workspaceId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
}

/**
 * Updates one row if, and only if, the caller read the current version. A stale edit raises
 * `stale` with the current row, so the client can show it and the user loses nothing.
 */
export async function updateVersioned<T extends PgTable & VersionedTable>(
  ctx: Ctx,
  table: T,
  what: string,
  id: string,
  expectedVersion: number | undefined,
  values: Record<string, unknown>,
): Promise<void> {
  const conditions: SQL[] = [eq(table.id, id), eq(table.workspaceId, ctx.workspaceId)];
  if (expectedVersion !== undefined) conditions.push(eq(table.version, expectedVersion));
  const updated = await ctx.db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: ctx.now() } as never)
    .where(and(...conditions))
    .returning({ id: table.id });
  if (updated.length) return;
  const [current] = await ctx.db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.workspaceId, ctx.workspaceId)));
  if (!current) throw notFound(what, id);
  throw staleEdit(what, current);
}

/** Escapes a user's text for use inside ILIKE. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Counts stop here: past it the list says "more than 1,000" rather than reading every match. */
export const COUNT_CAP = 1000;

/** The cap of a count for a page: it grows with the page asked for, so the last page shown knows it is not the last. */
export function countCapFor(opts: { offset?: number; limit?: number }): number {
  return Math.max(COUNT_CAP, (opts.offset ?? 0) + (opts.limit ?? 0));
}

/**
 * Counts the rows `query` would return, up to a cap: a page never pays for a count of the whole
 * table. The cap grows with the page asked for, so the last page shown always knows it is not
 * the last. Returns the count and whether it stopped at the cap.
 */
export async function cappedCount(
  ctx: Ctx,
  query: SQL,
  opts: { offset?: number; limit?: number } = {},
): Promise<{ total: number; totalIsCapped: boolean }> {
  const cap = countCapFor(opts);
  const result = await ctx.db.execute(sql`select count(*)::int as n from (${query} limit ${cap + 1}) capped`);
  return cappedTotal(Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0), cap);
}

/** A count that ran to one past `cap`, as a list reports it. */
export function cappedTotal(n: number, cap: number): { total: number; totalIsCapped: boolean } {
  return n > cap ? { total: cap, totalIsCapped: true } : { total: n, totalIsCapped: false };
}

/**
 * A timestamp as the API writes it: JavaScript's toISOString form (UTC, milliseconds, "Z"), so a
 * statement can answer with JSON that is sent as it is, without being parsed and written again.
 */
export function isoTime(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * The capped total of a list answered in one statement whose page is the CTE `page`, as a column:
 * a short first page is the whole list; otherwise `rows` is counted up to one past the cap.
 */
export function pageTotalColumn(rows: SQL, opts: { offset: number; limit: number }): SQL {
  return sql`case when ${opts.offset}::int = 0 and (select count(*) from page) < ${opts.limit}::int
        then (select count(*) from page)
        else (select count(*) from (${rows} limit ${countCapFor(opts) + 1}::int) capped)
      end::int`;
}

/**
 * The rows of `query` (a select whose columns are named as `T`'s properties), read as one JSON
 * text in the order `orderBy` gives (columns of `x`). PGlite decodes a result field by field,
 * which for a few hundred rows of ten columns costs more than the statement: Today's follow-ups
 * took 8.7 ms as rows and 5.6 as one JSON text. Times come as ISO text with their offset.
 */
export async function jsonRows<T>(ctx: { db: Db }, query: SQL, orderBy?: SQL): Promise<T[]> {
  const result = await ctx.db.execute(
    sql`select coalesce(json_agg(x${
      orderBy ? sql` order by ${orderBy}` : sql``
    }), '[]')::text as rows from (${query}) x`,
  );
  return JSON.parse((result as unknown as { rows: { rows: string }[] }).rows[0]!.rows) as T[];
}
