import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { createApp } from '../../app.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/linkedin/${name}`, import.meta.url));

interface Summary {
  applied: boolean;
  counts: { new: number; updated: number; unchanged: number; skipped: number };
  rows: { line: number; name: string; outcome: string; reason: string | null }[];
}
interface ErrorBody {
  error: { code: string; message: string };
}

function upload(path: string, content: BlobPart, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([content], 'Connections.csv', { type: 'text/csv' }));
  return app.request(`http://localhost/api/imports/linkedin${path}`, {
    method: 'POST',
    body: form,
    headers: { host: 'localhost', ...headers },
  });
}

async function peopleTotal(): Promise<number> {
  const res = await app.request('http://localhost/api/people', { headers: { host: 'localhost' } });
  return ((await res.json()) as { total: number }).total;
}

describe('LinkedIn import over HTTP', () => {
  it('refuses a malformed file with the line and the problem, and writes nothing', async () => {
    const res = await upload('', fixture('malformed-quote.csv'));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toMatch(/^Line 6: a quoted value starts here/);
    const other = await upload('/preview', fixture('not-connections.csv'));
    expect(((await other.json()) as ErrorBody).error.message).toMatch(/does not look like LinkedIn/);
    const none = await app.request('http://localhost/api/imports/linkedin', {
      method: 'POST',
      body: new FormData(),
      headers: { host: 'localhost' },
    });
    expect(none.status).toBe(400);
    expect(await peopleTotal()).toBe(0);
  });

  it('refuses a file over 20 MB with a message that says what to upload', async () => {
    const res = await upload('/preview', new Uint8Array(20 * 1024 * 1024 + 100_000));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/larger than 20 MB.*Connections\.csv/);
  });

  it('previews, then imports, a multipart Connections.csv', async () => {
    const preview = await upload('/preview', fixture('connections-2025-01.csv'));
    expect(preview.status).toBe(200);
    const summary = (await preview.json()) as Summary;
    expect(summary).toMatchObject({ applied: false, counts: { new: 10, skipped: 1 } });
    expect(summary.rows.find((r) => r.line === 11)).toMatchObject({
      outcome: 'skipped',
      reason: 'no first or last name',
    });
    expect(await peopleTotal()).toBe(0);

    const applied = await upload('', fixture('connections-2025-01.csv'));
    expect(applied.status).toBe(200);
    expect(((await applied.json()) as Summary).counts).toEqual(summary.counts);
    expect(await peopleTotal()).toBe(10);
  });

  it('streams progress and then the summary when asked for NDJSON', async () => {
    const res = await upload('', fixture('connections-2025-03.csv'), { accept: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const events = (await res.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; done?: number; total?: number; summary?: Summary });
    expect(events[0]).toEqual({ type: 'progress', done: 0, total: 5 });
    expect(events.at(-2)).toEqual({ type: 'progress', done: 5, total: 5 });
    expect(events.at(-1)?.summary?.counts).toEqual({ new: 2, updated: 3, unchanged: 7, skipped: 0 });
    expect(await peopleTotal()).toBe(12);
  });

  it('describes both routes in the OpenAPI document', async () => {
    const res = await app.request('http://localhost/api/openapi.json', { headers: { host: 'localhost' } });
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/imports/linkedin', '/api/imports/linkedin/preview']),
    );
  });
});
