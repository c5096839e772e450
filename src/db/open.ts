import type { Config } from '../config.js';
import { type DbHandle, openPglite, openPostgres } from './client.js';
import { acquireLock, type Lock } from './lock.js';
import { migrate } from './migrate.js';

export interface OpenDatabase {
  handle: DbHandle;
  /** Held on an embedded data folder; absent on PostgreSQL. */
  lock?: Lock;
  close: () => Promise<void>;
}

/**
 * Opens the configured database and applies pending migrations: PostgreSQL when DATABASE_URL is
 * set, otherwise the embedded data folder, locked against a second process.
 */
export async function openDatabase(config: Config): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const handle = await openPostgres(config.databaseUrl);
    await migrate(handle);
    return { handle, close: handle.close };
  }
  const lock = acquireLock(config.dataDir);
  try {
    const handle = await openPglite({ dataDir: config.dataDir });
    await migrate(handle);
    return {
      handle,
      lock,
      close: async () => {
        await handle.close();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
