import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { type DbHandle, openPglite, openPostgres } from './client.js';
import { acquireLock, type Lock } from './lock.js';
import { migrate } from './migrate.js';
import { resumeStagedWork } from './staged.js';
import { traced, traceStart } from './start-trace.js';

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
  // The folder holds someone's whole network and notes: only its owner may read it.
  process.umask(0o077);
  const lock = acquireLock(config.dataDir);
  traceStart('data folder locked');
  try {
    const handle = await traced('PGlite open', () => openPglite({ dataDir: config.dataDir }));
    await traced('migrations checked', () => migrate(handle));
    // An import cut short by a crash is finished if it was published, or else thrown away.
    await traced('staged work resumed', () => resumeStagedWork(handle.db));
    // Files PostgreSQL makes later come out private (durable-fs.ts); these are the ones its first
    // start copied in, or that earlier versions made readable by everyone.
    restrictToOwner(config.dataDir);
    traceStart('folder made private');
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

/**
 * Makes a data folder private to its owner: folders 0700, files 0600. Folders made by earlier
 * versions were readable by everyone on the machine; new files follow the umask set above.
 */
export function restrictToOwner(dir: string): void {
  // Once walked (the folder and its first file private), files come out private as they are made
  // (durable-fs.ts): walking thousands of files again would only slow each start.
  const first = join(dir, 'PG_VERSION');
  if ((statSync(dir).mode & 0o077) === 0 && existsSync(first) && (statSync(first).mode & 0o077) === 0) return;
  walkRestrict(dir);
}

function walkRestrict(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walkRestrict(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}
