import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/db.js';
import { connections } from '../../../test/linkedin-data.js';
import { peopleCount } from '../../../test/people.js';
import { openPglite } from '../../db/client.js';
import { fsyncsSoFar } from '../../db/durable-fs.js';
import { migrate } from '../../db/migrate.js';
import { applyLinkedInImport } from '../imports/import-linkedin.js';
import { ensureDefaultWorkspace } from '../settings/workspaces.js';
import { createBackup } from './backup.js';
import { applyRestore } from './restore.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-restore-disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bytes of WAL written so far. */
async function walWritten(db: Parameters<typeof peopleCount>[0]['db']): Promise<number> {
  const result = await db.execute(
    sql`select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::float8 as n`,
  );
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

describe('a large restore into a data folder (embedded database)', () => {
  it('waits for the disk at its start and end, not for each WAL file its rows fill', async () => {
    const t = await openTestDb();
    let bytes: Uint8Array;
    try {
      const source = await t.otherWorkspace();
      await applyLinkedInImport(source, connections(1000, { prefix: 'd', organizations: 50 }));
      // Notes of a few kilobytes that do not compress, so the restore's WAL fills several files.
      await source.db.execute(sql`
        update people set notes = (select string_agg(md5(random()::text || id::text || g::text), ' ')
                                   from generate_series(1, 120) g)
        where workspace_id = ${source.workspaceId}::uuid`);
      bytes = (await createBackup(source)).bytes;
    } finally {
      await t.close();
    }
    const handle = await openPglite({ dataDir: join(dir, 'data') });
    try {
      await migrate(handle);
      const ids = await ensureDefaultWorkspace(handle.db);
      const ctx = { db: handle.db, ...ids, now: () => new Date('2026-11-23T09:00:00Z') };
      const wal = await walWritten(ctx.db);
      const fsyncs = fsyncsSoFar();
      const restored = await applyRestore({ ...ctx, bytes });
      const waited = fsyncsSoFar() - fsyncs;
      expect(restored.applied).toBe(true);
      expect(await peopleCount(ctx)).toBe(1000);
      // The rows filled more than two 16 MB WAL files. PostgreSQL fsyncs each file it fills, and a
      // new one with its folder, and every other request waited for those too; they are now done
      // on a background thread, and only the commits that write the undo steps, take over the
      // workspace and keep the restore wait for the disk (with the WAL files flushed before them):
      // 9 fsyncs here, 19 on the old code (and more for each WAL file).
      const segments = ((await walWritten(ctx.db)) - wal) / (16 * 1024 * 1024);
      expect(segments).toBeGreaterThan(2);
      expect(waited).toBeGreaterThan(0);
      expect(waited).toBeLessThanOrEqual(12);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
