import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { DurableNodeFS } from './durable-fs.js';
import { PreparedStatements } from './pglite-prepared.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The Drizzle database both engines share; services only see this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** The PGlite instance, when embedded (for dumps in tests and backups). */
  pglite?: PGlite;
  close: () => Promise<void>;
}

/**
 * PGlite's WAL grows to hundreds of megabytes with the defaults; the first four keep a data folder
 * small. The rest make a commit durable: PGlite starts PostgreSQL with `-F` (fsync off), so a
 * power cut could lose acknowledged writes; here fsync is on, a commit waits for its WAL to be on
 * disk, and the WAL is synced with fsync(), the one call that reaches the disk (see durable-fs.ts).
 * They are passed on top of PGlite's own start parameters, less `-F`.
 */
const PGLITE_SETTINGS = [
  '-c',
  'max_wal_size=64MB',
  '-c',
  'min_wal_size=32MB',
  '-c',
  'checkpoint_timeout=60s',
  // Past a checkpoint, old WAL segments are deleted rather than kept for reuse: a data folder then
  // holds the WAL written since, not 32-64 MB of recycled segments (a new segment is made when
  // one is needed, a few times a day for one person's writes).
  '-c',
  'wal_recycle=off',
  '-c',
  'fsync=on',
  '-c',
  'synchronous_commit=on',
  '-c',
  'wal_sync_method=fsync',
  '-c',
  'full_page_writes=on',
];

/** PGlite's cache of table and index pages (shared_buffers), in MB. */
const SHARED_BUFFERS_MB = 128;
/** The cache of a folder whose tables and indexes pass LARGE_TABLES_MB. */
const LARGE_SHARED_BUFFERS_MB = 256;
/** Three times the default cache. */
const LARGE_TABLES_MB = 384;

/**
 * The cache for a folder whose tables and indexes take `tableBytes`. A page PostgreSQL does not
 * hold is read through Emscripten's file system, a few microseconds of JavaScript each: reading
 * 200,000 people in name order (their table is 156 MB, 245 MB with its indexes; 460 MB of tables
 * in all) took 4.4-4.5 s with 128 MB and 3.9-4.0 s with 256 MB (in process). But the whole cache
 * is taken from memory when the database starts: the server's RSS at start went 383 -> 507 MB, and
 * the 50,000-person folder of the bench (268 MB of tables) restarted to its first answer in 1.05 s
 * instead of 0.95. So only a folder past three times the default cache gets the larger one; it is
 * chosen again at every start.
 */
export function sharedBuffersMb(tableBytes: number): number {
  return tableBytes > LARGE_TABLES_MB * 1024 * 1024 ? LARGE_SHARED_BUFFERS_MB : SHARED_BUFFERS_MB;
}

/** The bytes of the tables and indexes in a data folder (its `base` folder); 0 for a new one. */
function tableBytes(dataDir: string): number {
  let total = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) total += statSync(path).size;
    }
  };
  try {
    walk(join(dataDir, 'base'));
  } catch {
    // A new folder has no base yet (or a file went away while it was read): what was counted stands.
  }
  return total;
}

function pgliteStartParams(dataDir: string | undefined): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams ?? [];
  const cache = sharedBuffersMb(dataDir ? tableBytes(dataDir) : 0);
  return [...defaults.filter((p) => p !== '-F'), ...PGLITE_SETTINGS, '-c', `shared_buffers=${cache}MB`];
}

/**
 * True on the embedded database (PGlite): one connection, no autovacuum, and one long transaction
 * would stall every request. Its Drizzle client is PGlite's instance behind a Proxy
 * (pglite-prepared.ts), which is still an instance of PGlite.
 */
export function isEmbedded(db: Db): boolean {
  return (db as unknown as { $client?: unknown }).$client instanceof PGlite;
}

/** Opens an embedded database in `dataDir` (or in memory when undefined). */
export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<DbHandle> {
  const pglite = await PGlite.create({
    ...(opts.dataDir ? { fs: new DurableNodeFS(opts.dataDir) } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { pg_trgm },
    startParams: pgliteStartParams(opts.dataDir),
  });
  const db = drizzlePglite(new PreparedStatements(pglite).client(), { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * Makes a connection run the queries it is given one after another. A transaction is one
 * connection, and a service may ask it for several reads at once (`Promise.all`); pg still queues
 * them itself, but warns that pg 9 will refuse to. Queued here, they run in the order asked, as
 * before. Only the promise form is queued: pg's callback and cursor forms (the pool's own
 * `query`, which takes a connection of its own) pass straight through.
 */
function queueQueries(client: { query: (...args: unknown[]) => unknown }): void {
  const query = client.query.bind(client);
  let last: Promise<unknown> = Promise.resolve();
  client.query = (...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === 'function' || typeof first?.submit === 'function') return query(...args);
    const run = last.then(() => query(...args));
    last = run.catch(() => undefined);
    return run;
  };
}

/**
 * Opens a pool on a real PostgreSQL server. The driver is loaded here, not when the program
 * starts: an embedded start never uses it and would only wait for it to load.
 */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<DbHandle> {
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ]);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    // A new PostgreSQL connection plans its first statements slowly (its catalog caches are empty:
    // 15–35 ms to plan what a warm one plans in under 1 ms), so connections a burst opened stay for
    // five minutes instead of pg's ten seconds, and the next burst finds them warm.
    idleTimeoutMillis: 300_000,
    // …without keeping a finished command alive for them.
    allowExitOnIdle: true,
    // Our statements are short; PostgreSQL's JIT compiler, set off by a high cost estimate, can
    // spend most of a second compiling a query that runs in a tenth of that (the dashboard did).
    // Parallel workers likewise take milliseconds to start, and take the cores other requests
    // were waiting for: with them off, 16 requests in flight at 50,000 people answered at p95
    // in 229–232 ms instead of 294–302, and Today in 214 ms at the median instead of 278.
    // Every connection does trusted whole-database work; a hosted request's transaction narrows
    // it to one workspace (rls.ts).
    options: '-c jit=off -c max_parallel_workers_per_gather=0 -c rapport.all_workspaces=on',
  });
  // An idle connection closed by the server (a restart, a terminated backend) must not crash the
  // process; the pool replaces it on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
  pool.on('connect', queueQueries);
  // Fail early with a clear message when the server cannot be reached.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, engine: 'postgres', close: () => pool.end() };
}
