import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { connectionsCsv } from '../../../test/linkedin-data.js';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { openPglite } from '../../db/client.js';
import { fsyncsSoFar } from '../../db/durable-fs.js';
import { openDatabase } from '../../db/open.js';
import { parseLinkedInConnections } from '../../domain/linkedin.js';
import { ensureDefaultWorkspace } from '../settings/workspaces.js';
import { applyLinkedInImport } from './import-linkedin.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-import-crash-'));
let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 2,000 connections: five steps (40 organizations, then 500 people a step), staged in two transactions. */
const COUNT = 2000;

/** Runs an import in a child process that kills itself with SIGKILL at `when`; resolves with its signal. */
function importAndDie(when: 'staging' | 'applying'): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      'test/import-crash-child.ts',
      dir,
      String(COUNT),
      when,
    ]);
    let output = '';
    child.stdout.on('data', (d) => {
      output += String(d);
    });
    child.stderr.on('data', (d) => {
      output += String(d);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`the import ended by itself (${code}): ${output}`)),
    );
  });
}

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Every person with the organization, as a sorted list to compare two databases by. */
async function peopleOf(db: Db, workspaceId?: string): Promise<string[]> {
  const rows = await rowsOf<{ line: string }>(
    db,
    sql`select concat_ws('|', p.full_name, p.title, o.name, p.linkedin_url, p.connected_on::text, p.source) as line
        from people p left join organizations o on o.id = p.organization_id
        ${workspaceId ? sql`where p.workspace_id = ${workspaceId}::uuid` : sql``}`,
  );
  return rows.map((r) => r.line).sort();
}

async function staged(db: Db): Promise<{ batches: number; ready: number; steps: number }> {
  const [row] = await rowsOf<{ batches: number; ready: number; steps: number }>(
    db,
    sql`select (select count(*)::int from staged_batches) as batches,
               (select count(*)::int from staged_batches where ready) as ready,
               (select count(*)::int from staged_steps) as steps`,
  );
  return row!;
}

const openFolder = () =>
  openDatabase(loadConfig({ data: dir, port: 0 }, { ...process.env, DATABASE_URL: '' }));

describe('an import killed with SIGKILL (embedded database)', () => {
  it('leaves nothing when killed before it is published, and everything once it was', async () => {
    // Killed while staging: the next start throws the staged steps away; nobody was imported.
    expect(await importAndDie('staging')).toBe('SIGKILL');
    let database = await openFolder();
    try {
      expect(await peopleOf(database.handle.db)).toEqual([]);
      expect(await rowsOf(database.handle.db, sql`select id from organizations`)).toEqual([]);
      expect(await staged(database.handle.db)).toEqual({ batches: 0, ready: 0, steps: 0 });
    } finally {
      await database.close();
    }

    // Killed after it was published, part-way through writing the people.
    expect(await importAndDie('applying')).toBe('SIGKILL');
    const raw = await openPglite({ dataDir: dir });
    try {
      const partial = (await peopleOf(raw.db)).length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(COUNT);
      expect(await staged(raw.db)).toMatchObject({ batches: 1, ready: 1 });
    } finally {
      await raw.close();
    }
    // The next start finishes it: the same people as an import that was never interrupted.
    const ctx = await t.otherWorkspace();
    await applyLinkedInImport(ctx, parseLinkedInConnections(connectionsCsv(COUNT)));
    const expected = await peopleOf(t.ctx.db, ctx.workspaceId);
    expect(expected).toHaveLength(COUNT);
    database = await openFolder();
    try {
      expect(await peopleOf(database.handle.db)).toEqual(expected);
      expect(await rowsOf(database.handle.db, sql`select id from organizations`)).toHaveLength(40);
      expect(await staged(database.handle.db)).toEqual({ batches: 0, ready: 0, steps: 0 });

      // Another import: the commits of its staged and applied steps do not each wait for the
      // disk (every other request waited for each fsync, 8-300 ms on a busy disk); publishing it
      // and its last commit do. Here 6 fsyncs for 40 steps (68 when each one waited).
      const db = database.handle.db;
      const { workspaceId, userId } = await ensureDefaultWorkspace(db);
      const fsyncs = fsyncsSoFar();
      let steps = 0;
      const summary = await applyLinkedInImport(
        { db, workspaceId, userId, now: t.ctx.now },
        {
          ...parseLinkedInConnections(connectionsCsv(COUNT, { prefix: 'again' })),
          onProgress: (p) => {
            if (p.done > 0) steps++;
          },
        },
      );
      // The same names at the same organizations: matched by name and organization, and updated.
      expect(summary.counts.updated).toBe(COUNT);
      const waited = fsyncsSoFar() - fsyncs;
      expect(waited).toBeGreaterThan(0);
      expect(waited).toBeLessThan(steps);
    } finally {
      await database.close();
    }
  }, 480_000);
});
