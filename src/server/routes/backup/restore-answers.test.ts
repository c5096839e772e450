import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { formBody, probeWhile } from '../../../../test/probe.js';
import { buildArchive, MANIFEST_ENTRY, rowsToJson, tableEntry } from '../../../domain/backup-format.js';
import { backupContent } from '../../../services/backup/backup.js';
import type { Ctx } from '../../../services/context.js';
import { createPerson } from '../../../services/people/people.js';
import { createApp } from '../../app.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

/**
 * A backup whose people table holds `n` people with long notes (tens of megabytes of JSON), made
 * from a real backup of one person so that every other entry is what Rapport writes.
 */
async function largeBackup(ctx: Ctx, n: number): Promise<Uint8Array<ArrayBuffer>> {
  await createPerson({ ...ctx, input: { fullName: 'Template Person' } });
  const { manifest, entries } = await backupContent(ctx);
  const template = JSON.parse(String(entries[tableEntry('people')])) as Record<string, unknown>[];
  const notes = 'Met at the meetup; asked about the hiring plan and the team. '.repeat(12);
  const rows = Array.from({ length: n }, (_, i) => ({
    ...template[0],
    id: randomUUID(),
    full_name: `Person ${i}`,
    notes: `${notes}${i}`,
  }));
  entries[tableEntry('people')] = rowsToJson(rows);
  entries[MANIFEST_ENTRY] = JSON.stringify({ ...manifest, counts: { ...manifest.counts, people: n } });
  return buildArchive(entries, t.clock.now()) as Uint8Array<ArrayBuffer>;
}

describe('checking a large backup while the user keeps working', () => {
  it('answers other requests while it reads the upload, unzips and reads the rows', async () => {
    const source = await t.otherWorkspace();
    const zip = await largeBackup(source, 60_000);
    const ctx = await t.otherWorkspace();
    const app = createApp({ context: () => ctx, webDir: null });
    const request = (path: string, init: RequestInit = {}) =>
      app.request(`http://localhost/api${path}`, {
        ...init,
        headers: { host: 'localhost', ...init.headers },
      });
    const form = new FormData();
    form.set('file', new File([zip], 'rapport-backup.zip', { type: 'application/zip' }));
    const upload = await formBody(form);

    const { result, longest, waits } = await probeWhile(
      async () => request('/backup/restore/preview', { method: 'POST', ...upload }),
      async () => (await request('/people?limit=1')).arrayBuffer(),
    );
    expect(result.status).toBe(200);
    const preview = (await result.json()) as { totalRows: number; blocker: string | null };
    expect(preview.blocker).toBeNull();
    expect(preview.totalRows).toBeGreaterThanOrEqual(60_000);
    expect(waits.length).toBeGreaterThan(5);
    // Read in one go, these ~60 MB of rows held the server for 4.9 s (load 15); a piece at a time,
    // a request waits for one piece (135 ms at load 15). The bound is generous, for a loaded machine.
    expect(longest).toBeLessThan(1000);
  }, 180_000);
});
