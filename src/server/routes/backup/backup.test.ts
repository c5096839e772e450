import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { workspaces } from '../../../db/schema.js';
import type { Ctx } from '../../../services/context.js';
import { loadSampleWorkspace } from '../../../services/settings/sample.js';
import { createApp } from '../../app.js';

let t: TestDb;
let ctx: Ctx;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  ctx = t.ctx;
  app = createApp({ context: () => ctx, webDir: null });
});
afterAll(() => t.close());

const get = (path: string) => app.request(`http://localhost/api${path}`, { headers: { host: 'localhost' } });

function upload(path: string, content: BlobPart, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([content], 'rapport-backup.zip', { type: 'application/zip' }));
  return app.request(`http://localhost/api/backup${path}`, {
    method: 'POST',
    body: form,
    headers: { host: 'localhost', ...headers },
  });
}

async function peopleTotal(): Promise<number> {
  return ((await (await get('/people')).json()) as { total: number }).total;
}

describe('backup and restore over HTTP', () => {
  let zip: Uint8Array<ArrayBuffer>;

  it('downloads the workspace as a dated zip with a manifest', async () => {
    await loadSampleWorkspace(ctx);
    const res = await get('/backup');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="rapport-backup-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    zip = new Uint8Array(await res.arrayBuffer());
    const manifest = JSON.parse(strFromU8(unzipSync(zip)['manifest.json']!));
    expect(manifest.format).toBe('rapport-backup');
    expect(manifest.counts.people).toBe(await peopleTotal());
  });

  it('refuses to restore into a workspace that has records, and writes nothing', async () => {
    const before = await peopleTotal();
    const preview = await upload('/restore/preview', zip);
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { blocker: string | null; applied: boolean };
    expect(body.applied).toBe(false);
    expect(body.blocker).toMatch(/empty workspace/);
    const res = await upload('/restore', zip);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/empty workspace/);
    expect(await peopleTotal()).toBe(before);
  });

  it('answers 400 with a clear message for a file that is not a backup', async () => {
    const res = await upload('/restore', 'full name,email\nAda,ada@example.com\n');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not a zip archive/);
    const none = await app.request('http://localhost/api/backup/restore', {
      method: 'POST',
      body: new FormData(),
      headers: { host: 'localhost' },
    });
    expect(none.status).toBe(400);
  });

  it('restores into an empty workspace with streamed progress', async () => {
    await ctx.db.delete(workspaces).where(eq(workspaces.id, ctx.workspaceId));
    ctx = await t.otherWorkspace();
    expect(await peopleTotal()).toBe(0);
    const res = await upload('/restore', zip, { accept: 'application/x-ndjson' });
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; done?: number; summary?: { totalRows: number } });
    expect(lines[0]).toMatchObject({ type: 'progress', done: 0 });
    const result = lines.at(-1)!;
    expect(result.type).toBe('result');
    expect(lines.at(-2)).toMatchObject({ type: 'progress', done: result.summary!.totalRows });
    const again = new Uint8Array(await (await get('/backup')).arrayBuffer());
    const people = (z: Uint8Array) => strFromU8(unzipSync(z)['tables/people.json']!);
    expect(people(again)).toBe(people(zip));
  });

  it('streams a refusal as an error line, not a broken download', async () => {
    const res = await upload('/restore', zip, { accept: 'application/x-ndjson' });
    const last = JSON.parse((await res.text()).trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ type: 'error', error: { code: 'conflict' } });
  });
});
