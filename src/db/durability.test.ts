import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createPerson } from '../services/people/people.js';
import { ensureDefaultWorkspace } from '../services/settings/workspaces.js';
import { fsyncsSoFar } from './durable-fs.js';
import { openDatabase } from './open.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('committed means kept', () => {
  // A new data folder runs initdb, which takes several seconds on a busy machine.
  it('runs the embedded database with fsync on, a save reaches the disk before it is acknowledged, and only the owner can read the folder', async () => {
    const database = await openDatabase(
      loadConfig({ data: dir, port: 0 }, { ...process.env, DATABASE_URL: '' }),
    );
    try {
      const db = database.handle.db;
      const setting = async (name: string) => {
        const result = await db.execute(sql.raw(`show ${name}`));
        return Object.values((result as unknown as { rows: Record<string, string>[] }).rows[0]!)[0];
      };
      expect(await setting('fsync')).toBe('on');
      expect(await setting('synchronous_commit')).toBe('on');
      expect(await setting('full_page_writes')).toBe('on');
      expect(await setting('wal_sync_method')).toBe('fsync');
      const { workspaceId, userId } = await ensureDefaultWorkspace(db);
      const before = fsyncsSoFar();
      await createPerson({
        db,
        workspaceId,
        userId,
        now: () => new Date(),
        input: { fullName: 'Kept Safe' },
      });
      expect(fsyncsSoFar()).toBeGreaterThan(before);
      // A table made now is a new file, which must come out private too.
      await db.execute(sql`create table private_check (x int)`);
      await db.execute(sql`insert into private_check values (1)`);
      // Only the owner may read the folder: every folder 0700 and every file 0600.
      const loose: string[] = [];
      const walk = (path: string) => {
        const mode = statSync(path).mode;
        const isDir = statSync(path).isDirectory();
        if ((mode & 0o777) !== (isDir ? 0o700 : 0o600)) loose.push(`${path} ${(mode & 0o777).toString(8)}`);
        if (isDir) for (const name of readdirSync(path)) walk(join(path, name));
      };
      walk(dir);
      expect(loose).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
