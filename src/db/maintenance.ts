import { sql } from 'drizzle-orm';
import { nextTurn } from '../domain/steps.js';
import type { Db, DbHandle } from './client.js';
import { withoutWaitingForWal } from './durable-fs.js';

/**
 * Gathers planner statistics for tables that have data but none yet. PGlite has no autovacuum,
 * and without statistics the planner ignores partial indexes (the agenda's keep-in-touch query
 * then reads every person). Cheap when there is nothing to do; a few seconds on a large, new folder.
 */
export async function analyzeIfNeeded(
  handle: DbHandle,
  opts: { all?: boolean; shouldYield?: () => boolean } = {},
): Promise<string[]> {
  const result = await handle.db.execute(sql`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and (${opts.all ?? false} or (c.reltuples < 0 and c.relpages > 0))`);
  const tables = (result as unknown as { rows: { relname: string }[] }).rows.map((r) => r.relname);
  const done: string[] = [];
  for (const table of tables) {
    if (opts.shouldYield?.()) break;
    await handle.db.execute(sql`analyze ${sql.identifier(table)}`);
    done.push(table);
  }
  return done;
}

/** Tables under this size are analyzed whole, in one statement of a few milliseconds. */
const SLICE_ABOVE_BYTES = 2 * 1024 * 1024;
/** Columns one statement of a sliced ANALYZE gathers statistics for. */
const SLICE_COLUMNS = 4;
/**
 * The statistics target of a slice: a sample of 9,000 rows (300 per unit) instead of 30,000, with
 * 30 most common values and histogram buckets per column instead of 100. At 50,000 people one
 * statement of 4 columns took 32 ms of CPU; at the default target a single column took 70, and the
 * whole table 550 (at 20,000 people: 390), all of it in front of every other request.
 */
const SLICE_STATISTICS_TARGET = 30;

/**
 * Gathers planner statistics for tables that long work (an import, a restore) has just filled,
 * in statements short enough for other requests to go between them. PGlite has no autovacuum:
 * without this the planner works from no statistics, or from those of a table a tenth the size,
 * for every query until maintenance gets to it. A large table is analyzed a few columns at a
 * time (statistics of an index's expressions come with the next full ANALYZE, by maintenance);
 * the commits do not wait for the disk, nor for a WAL file they fill, as statistics lost to a power
 * cut are simply gathered again. On PostgreSQL it is harmless: autovacuum would get there, a little later.
 */
export async function analyzeInSlices(db: Db, tables: string[]): Promise<void> {
  for (const table of tables) {
    const result = await db.execute(sql`
      select pg_relation_size(${table}::regclass)::float8 as bytes,
        array(select attname::text from pg_attribute
              where attrelid = ${table}::regclass and attnum > 0 and not attisdropped
              order by attnum) as columns`);
    const row = (result as unknown as { rows: { bytes: number; columns: string[] }[] }).rows[0];
    if (!row) continue;
    const slices =
      Number(row.bytes) < SLICE_ABOVE_BYTES
        ? [null]
        : Array.from({ length: Math.ceil(row.columns.length / SLICE_COLUMNS) }, (_, i) =>
            row.columns.slice(i * SLICE_COLUMNS, (i + 1) * SLICE_COLUMNS),
          );
    for (const columns of slices) {
      await withoutWaitingForWal(db, () =>
        db.transaction(async (tx) => {
          await tx.execute(sql`set local synchronous_commit = off`);
          if (!columns) return void (await tx.execute(sql`analyze ${sql.identifier(table)}`));
          await tx.execute(sql.raw(`set local default_statistics_target = ${SLICE_STATISTICS_TARGET}`));
          const list = sql.join(
            columns.map((c) => sql.identifier(c)),
            sql`, `,
          );
          await tx.execute(sql`analyze ${sql.identifier(table)} (${list})`);
        }),
      );
      await nextTurn();
    }
  }
}

/** Rows a table must gain before `PlanGrowth` first brings the planner's estimate of it up to date. */
const GROWTH_FIRST = 500;

/**
 * Keeps the planner's idea of a table's size up to date while long work fills it (a restore into
 * an empty folder), so the statements other requests run are not planned for the table as it was.
 * The embedded client keeps a statement prepared once it has been sent twice, and PostgreSQL then
 * settles on one plan for it: the People page, first asked for while the restore had written no
 * people, kept the plan for an empty table (read every person, then sort) as 20,000 went in, and
 * took 30-60 ms of CPU a request instead of 2-5. Each time the table has doubled since the last
 * look, its row count and one column's statistics are gathered at statistics target 1 (a 300-row
 * sample: a few milliseconds at 16,000 people), which also makes PostgreSQL plan its statements
 * again; the full statistics come when the work ends (`analyzeInSlices`).
 */
export class PlanGrowth {
  private next = GROWTH_FIRST;
  private written = 0;
  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly column: string,
  ) {}

  /** Notes `rows` more rows written (and committed), and looks again once the table has doubled. */
  async wrote(rows: number): Promise<void> {
    this.written += rows;
    if (this.written < this.next) return;
    this.next = this.written * 2;
    await withoutWaitingForWal(this.db, () =>
      this.db.transaction(async (tx) => {
        await tx.execute(sql`set local synchronous_commit = off`);
        await tx.execute(sql`set local default_statistics_target = 1`);
        await tx.execute(sql`analyze ${sql.identifier(this.table)} (${sql.identifier(this.column)})`);
      }),
    );
  }
}

/**
 * Autovacuum's defaults: vacuum past 50 dead rows and a fifth, or past 1,000 inserted rows and a
 * fifth; analyze past 50 changes and a tenth.
 */
const VACUUM_BASE = 50;
const VACUUM_SHARE = 0.2;
const VACUUM_INSERT_BASE = 1000;
const ANALYZE_SHARE = 0.1;

/** Whether `changed` rows in a table of `live` rows leave its statistics stale, by autovacuum's rule. */
export function statisticsStale(changed: number, live: number): boolean {
  return changed > VACUUM_BASE + ANALYZE_SHARE * live;
}

/**
 * Vacuums the tables whose updates and deletes left many dead rows behind, or that took many new
 * rows, and analyzes those that changed a lot since their statistics, as PostgreSQL's autovacuum
 * would; PGlite has none. Without it every import that updates people leaves the old rows in
 * place: the tables grow for good, scans read the dead rows too, and the planner works from a
 * table that no longer exists. After a large import of new people the vacuum also moves the
 * search indexes' pending entries into the indexes proper, which every search would otherwise
 * read one by one. Activity statistics can lag a little; the next run catches up.
 */
export async function vacuumIfNeeded(
  handle: DbHandle,
  opts: { all?: boolean; shouldYield?: () => boolean } = {},
): Promise<{ vacuumed: string[]; analyzed: string[]; yielded: boolean }> {
  const all = opts.all ?? false;
  const result = await handle.db.execute(sql`
    select relname,
      (${all}::boolean or n_dead_tup > ${VACUUM_BASE}::int + ${VACUUM_SHARE}::float8 * n_live_tup
        or n_ins_since_vacuum > ${VACUUM_INSERT_BASE}::int + ${VACUUM_SHARE}::float8 * n_live_tup) as vacuum,
      n_mod_since_analyze > ${VACUUM_BASE}::int + ${ANALYZE_SHARE}::float8 * n_live_tup as analyze
    from pg_stat_user_tables where schemaname = 'public'`);
  const rows = (result as unknown as { rows: { relname: string; vacuum: boolean; analyze: boolean }[] }).rows;
  const vacuumed: string[] = [];
  const analyzed: string[] = [];
  for (const r of rows) {
    // The embedded database has one connection: a request that arrives waits for the table being
    // vacuumed, so the rest waits for the next quiet moment instead.
    if ((r.vacuum || r.analyze) && opts.shouldYield?.()) return { vacuumed, analyzed, yielded: true };
    if (r.vacuum) {
      await handle.db.execute(sql`vacuum ${sql.identifier(r.relname)}`);
      vacuumed.push(r.relname);
      // Its statistics come in a statement of their own, so a request that came during the vacuum
      // waits for the vacuum only. After 30,000 new people in the 50,000-person folder, `vacuum
      // (analyze)` was one statement of 950 ms; apart, 330 and 540 ms. If one came, the statistics
      // wait for the next idle moment, where this table is still found to need them.
      if (opts.shouldYield?.()) return { vacuumed, analyzed, yielded: true };
      await handle.db.execute(sql`analyze ${sql.identifier(r.relname)}`);
    } else if (r.analyze) {
      await handle.db.execute(sql`analyze ${sql.identifier(r.relname)}`);
      analyzed.push(r.relname);
    }
  }
  return { vacuumed, analyzed, yielded: false };
}

/** How often the embedded database checks whether a table needs a vacuum (a cheap query when none does). */
const MAINTENANCE_EVERY_MS = 5 * 60_000;

/** How soon maintenance looks again when requests kept it from running. */
const RETRY_MS = 5_000;

/**
 * Keeps the embedded database healthy, as autovacuum does on a server: statistics for new
 * tables, and a vacuum where many rows were replaced or added — soon after start and then every
 * five minutes, so a large import is tidied up soon after it ends — and, when `isQuiet` says
 * nobody is using the app, space given back after large deletions. Nothing of it goes in front
 * of a request: it starts only when `isIdle` says no request came for a moment, stops between
 * tables when one comes, and carries on at the next idle moment. Returns a function that stops
 * the timers.
 */
export function scheduleMaintenance(
  handle: DbHandle,
  opts: { isQuiet?: () => boolean; isIdle?: () => boolean } = {},
): () => void {
  if (handle.engine !== 'pglite') return () => {};
  const busy = () => !(opts.isIdle?.() ?? true);
  let retry: NodeJS.Timeout | undefined;
  const later = () => {
    clearTimeout(retry);
    retry = setTimeout(() => void run(), RETRY_MS);
    retry.unref();
  };
  const run = async (): Promise<void> => {
    if (busy()) return later();
    try {
      await analyzeIfNeeded(handle, { shouldYield: busy });
      const { yielded } = await vacuumIfNeeded(handle, { shouldYield: busy });
      if (yielded) return later();
      // Rewriting a table holds it for a moment, so only when nobody has used the app for a while.
      if (opts.isQuiet?.()) await compact(handle.db, { onlyWasteful: true });
    } catch {
      // Maintenance is an optimisation; a failure must never take the server down.
    }
  };
  const first = setTimeout(() => void run(), 3_000);
  const every = setInterval(() => void run(), MAINTENANCE_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearTimeout(retry);
    clearInterval(every);
  };
}

/** Tables above this size are worth rewriting once most of their rows are gone. */
const COMPACT_MIN_BYTES = 8 * 1024 * 1024;

async function databaseBytes(db: Db): Promise<number> {
  const result = await db.execute(sql`select pg_database_size(current_database())::float8 as bytes`);
  return Number((result as unknown as { rows: { bytes: number }[] }).rows[0]?.bytes ?? 0);
}

/**
 * Gives space back after large deletions: rewrites tables (VACUUM FULL) so their files shrink,
 * then checkpoints so old WAL is recycled. A plain vacuum only marks space for reuse; after
 * deleting 30,000 people the folder would keep its size for good. `onlyWasteful` limits the
 * rewrite to large tables that lost more rows than they keep (the quiet-time step); the command
 * rewrites every table. Each rewrite locks its table for a moment.
 */
export async function compact(
  db: Db,
  opts: { onlyWasteful?: boolean } = {},
): Promise<{ tables: string[]; bytesBefore: number; bytesAfter: number }> {
  const bytesBefore = await databaseBytes(db);
  const result = await db.execute(sql`
    select relname from pg_stat_user_tables
    where schemaname = 'public' and (${!opts.onlyWasteful}::boolean or (
      pg_total_relation_size(relid) > ${COMPACT_MIN_BYTES}::bigint and n_tup_del > n_live_tup))
    order by pg_total_relation_size(relid) desc`);
  const tables = (result as unknown as { rows: { relname: string }[] }).rows.map((r) => r.relname);
  for (const table of tables) await db.execute(sql`vacuum (full, analyze) ${sql.identifier(table)}`);
  if (tables.length) await db.execute(sql`checkpoint`);
  return { tables, bytesBefore, bytesAfter: await databaseBytes(db) };
}
