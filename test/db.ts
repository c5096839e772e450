import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type DbHandle, openPglite, openPostgres } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import type { Ctx } from '../src/services/context.js';
import { ensureDefaultWorkspace } from '../src/services/settings/workspaces.js';

/** A clock the test moves by hand. */
export interface TestClock {
  now: () => Date;
  set: (iso: string | Date) => void;
  advance: (ms: number) => void;
}

export function testClock(start = '2026-11-23T09:00:00Z'): TestClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = new Date(iso).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface TestDb {
  handle: DbHandle;
  ctx: Ctx;
  clock: TestClock;
  /** A second, empty workspace in the same database, to check scoping. */
  otherWorkspace: () => Promise<Ctx>;
  close: () => Promise<void>;
}

async function openPostgresTestDb(url: string): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const name = `rapport_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openPostgres(dbUrl.toString(), { max: 4 });
  await migrate(handle);
  return {
    handle,
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function openTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  let handle: DbHandle;
  let drop = async () => {};
  if (url) {
    ({ handle, drop } = await openPostgresTestDb(url));
  } else {
    const tar = await readFile(inject('pgliteTemplate'));
    handle = await openPglite({ loadDataDir: new Blob([tar]) });
  }
  const clock = testClock();
  const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db, clock.now());
  const ctx: Ctx = { db: handle.db, workspaceId, userId, now: clock.now };
  return {
    handle,
    ctx,
    clock,
    otherWorkspace: async () => {
      const { workspaces, users } = await import('../src/db/schema.js');
      const [ws] = await handle.db
        .insert(workspaces)
        .values({ name: 'Other', createdAt: clock.now() })
        .returning();
      const [user] = await handle.db
        .insert(users)
        .values({ workspaceId: ws!.id, name: 'Other', createdAt: clock.now() })
        .returning();
      return { db: handle.db, workspaceId: ws!.id, userId: user!.id, now: clock.now };
    },
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

/**
 * The time columns a test's direct insert must fill, all from the test's clock: the database sets
 * no time of its own (every service writes `ctx.now()`), and columns a table lacks are ignored.
 */
export function stamps(now: Date) {
  return { createdAt: now, updatedAt: now, at: now, statusChangedAt: now };
}
