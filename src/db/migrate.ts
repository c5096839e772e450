import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import type { DbHandle, Schema } from './client.js';
import { applyRowSecurity } from './rls.js';
import * as schema from './schema.js';

/** The committed migrations folder, found from both src/ (tsx, vitest) and dist/ (built). */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('The drizzle/ migrations folder was not found next to the program.');
}

/** The advisory lock key that one migrating process holds on PostgreSQL ("rapport" in ASCII). */
const MIGRATION_LOCK = 0x72_61_70_70_6f_72_74;

/**
 * Applies every pending migration; safe to call at each start. On PostgreSQL several servers may
 * start at once on one database: the first takes an advisory lock and migrates, the others wait
 * for it and then find nothing left to do (without it, two raced on CREATE EXTENSION and one died).
 */
export async function migrate(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (handle.engine === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, config);
    return;
  }
  // Loaded only for PostgreSQL: an embedded start never needs the driver.
  const [{ drizzle }, { migrate: migratePg }] = await Promise.all([
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const db = drizzle(client, { schema }) as unknown as NodePgDatabase<Schema>;
      await migratePg(db, config);
      // The policies of row-level security (rls.ts), on every table a migration added.
      await applyRowSecurity(db as unknown as DbHandle['db']);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
