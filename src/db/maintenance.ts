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
 * Keeps statistics fresh on the embedded database: soon after start (off the request path) and
 * then once a day. Returns a function that stops the timers.
 */
export function scheduleMaintenance(handle: DbHandle): () => void {
  if (handle.engine !== 'pglite') return () => {};
  const run = (all: boolean) => {
    analyzeIfNeeded(handle, { all }).catch(() => {
      // Statistics are an optimisation; a failure must never take the server down.
    });
  };
  const first = setTimeout(() => run(false), 3_000);
  const daily = setInterval(() => run(true), 24 * 3_600_000);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
