import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/db.js';
import { loadConfig } from '../../config.js';
import { openPglite } from '../../db/client.js';
import { fsyncsSoFar } from '../../db/durable-fs.js';
import { openDatabase } from '../../db/open.js';
import type { Ctx } from '../context.js';
import { loadSampleWorkspace } from '../settings/sample.js';
import { ensureDefaultWorkspace } from '../settings/workspaces.js';
import { createBackup } from './backup.js';
import { ident, rowsOf, scopeOf } from './backup-sql.js';
import { backupTables } from './backup-tables.js';
import { applyRestore } from './restore.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-restore-crash-'));
const data = join(dir, 'data');
const file = join(dir, 'backup.zip');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Restores the backup in a child process that kills itself with SIGKILL part-way; resolves with its signal. */
function restoreAndDie(): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/restore-crash-child.ts', data, file]);
    let output = '';
    child.stdout.on('data', (d) => {
      output += String(d);
    });
    child.stderr.on('data', (d) => {
      output += String(d);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`the restore ended by itself (${code}): ${output}`)),
    );
  });
}

/** The workspace as a user would see it: its name, the owner's, and the rows of every table. */
async function contentOf(ctx: Ctx): Promise<Record<string, unknown>> {
  const [names] = await rowsOf<Record<string, unknown>>(
    ctx,
    sql`select w.name as workspace, u.name as owner from workspaces w, users u
        where w.id = ${ctx.workspaceId}::uuid and u.id = ${ctx.userId}::uuid`,
  );
  const content: Record<string, unknown> = { ...names };
  for (const table of backupTables()) {
    const [row] = await rowsOf<{ n: number }>(
      ctx,
      sql`select count(*)::int as n from ${ident(table.name)} where ${scopeOf(ctx, table)}`,
    );
    content[table.name] = row!.n;
  }
  return content;
}

const openFolder = () => openDatabase(loadConfig({ data, port: 0 }, { ...process.env, DATABASE_URL: '' }));

async function workspaceOf(database: Awaited<ReturnType<typeof openFolder>>): Promise<Ctx> {
  const db = database.handle.db;
  return { db, ...(await ensureDefaultWorkspace(db)), now: () => new Date('2026-11-23T09:00:00Z') };
}

describe('a restore killed with SIGKILL (embedded database)', () => {
  it('leaves the workspace as it was once Rapport starts again, and can then be restored', async () => {
    const t = await openTestDb();
    let sample: Record<string, unknown>;
    try {
      const source = await t.otherWorkspace();
      await loadSampleWorkspace(source);
      writeFileSync(file, (await createBackup(source)).bytes);
      sample = await contentOf(source);
    } finally {
      await t.close();
    }
    let database = await openFolder();
    let before: Record<string, unknown>;
    try {
      before = await contentOf(await workspaceOf(database));
    } finally {
      await database.close();
    }

    expect(await restoreAndDie()).toBe('SIGKILL');
    const raw = await openPglite({ dataDir: data });
    try {
      // Killed part-way: some rows are in, and the steps that undo them are there.
      const ctx = await workspaceOf({ handle: raw, close: raw.close });
      expect(await contentOf(ctx)).not.toEqual(before);
      const [row] = await rowsOf<{ undo: number }>(
        ctx,
        sql`select count(*)::int as undo from staged_batches where kind = 'restore' and ready`,
      );
      expect(row?.undo).toBe(1);
    } finally {
      await raw.close();
    }

    database = await openFolder();
    try {
      const ctx = await workspaceOf(database);
      expect(await contentOf(ctx)).toEqual(before);
      // Nothing is left half-way: the same backup restores in full.
      const fsyncs = fsyncsSoFar();
      let batches = 0;
      const restored = await applyRestore({
        ...ctx,
        bytes: readFileSync(file),
        onProgress: () => {
          batches++;
        },
      });
      expect(restored.applied).toBe(true);
      expect(await contentOf(ctx)).toEqual(sample);
      // The batches' commits do not each wait for the disk (other requests waited for every
      // fsync); the undo steps, written first, and the last commit, which keeps the restore, do.
      // Here: 6 fsyncs for 14 batches (20 when each batch waited).
      const waited = fsyncsSoFar() - fsyncs;
      expect(waited).toBeGreaterThan(0);
      expect(waited).toBeLessThan(batches);
    } finally {
      await database.close();
    }
  }, 480_000);
});
