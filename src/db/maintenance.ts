import { sql } from 'drizzle-orm';
import type { DbHandle } from './client.js';

/**
 * Gathers planner statistics for tables that have data but none yet. PGlite has no autovacuum,
 * and without statistics the planner ignores partial indexes (the agenda's keep-in-touch query
 * then reads every person). Cheap when there is nothing to do; a few seconds on a large, new folder.
 */
export async function analyzeIfNeeded(handle: DbHandle, opts: { all?: boolean } = {}): Promise<string[]> {
  const result = await handle.db.execute(sql`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and (${opts.all ?? false} or (c.reltuples < 0 and c.relpages > 0))`);
  const tables = (result as unknown as { rows: { relname: string }[] }).rows.map((r) => r.relname);
  for (const table of tables) await handle.db.execute(sql`analyze ${sql.identifier(table)}`);
  return tables;
}

/**
 * Autovacuum's defaults: vacuum past 50 dead rows and a fifth, or past 1,000 inserted rows and a
 * fifth; analyze past 50 changes and a tenth.
 */
const VACUUM_BASE = 50;
const VACUUM_SHARE = 0.2;
const VACUUM_INSERT_BASE = 1000;
const ANALYZE_SHARE = 0.1;

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
  opts: { all?: boolean } = {},
): Promise<{ vacuumed: string[]; analyzed: string[] }> {
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
    if (r.vacuum) {
      await handle.db.execute(sql`vacuum (analyze) ${sql.identifier(r.relname)}`);
      vacuumed.push(r.relname);
    } else if (r.analyze) {
      await handle.db.execute(sql`analyze ${sql.identifier(r.relname)}`);
      analyzed.push(r.relname);
    }
  }
  return { vacuumed, analyzed };
}

/** How often the embedded database checks whether a table needs a vacuum (a cheap query when none does). */
const MAINTENANCE_EVERY_MS = 5 * 60_000;

/**
 * Keeps the embedded database healthy, as autovacuum does on a server: statistics for new
 * tables, and a vacuum where many rows were replaced or added — soon after start (off the
 * request path) and then every five minutes, so a large import is tidied up soon after it ends.
 * Returns a function that stops the timers.
 */
export function scheduleMaintenance(handle: DbHandle): () => void {
  if (handle.engine !== 'pglite') return () => {};
  const run = async () => {
    try {
      await analyzeIfNeeded(handle);
      await vacuumIfNeeded(handle);
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
    clearInterval(every);
  };
}
