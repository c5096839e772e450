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

const fixture = (dir: string, name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/${dir}/${name}`, import.meta.url));

interface Summary {
  applied: boolean;
  counts: { new: number; updated: number; unchanged: number; skipped: number };
  rows: { line: number; name: string; outcome: string; reason: string | null }[];
}
interface ErrorBody {
  error: { code: string; message: string };
}

function upload(path: string, content: BlobPart, fields: Record<string, string> = {}, headers = {}) {
  const form = new FormData();
  form.set('file', new File([content], 'contacts', { type: 'application/octet-stream' }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return app.request(`http://localhost/api/imports/${path}`, {
    method: 'POST',
    body: form,
    headers: { host: 'localhost', ...headers },
  });
}

const get = (path: string) => app.request(`http://localhost${path}`, { headers: { host: 'localhost' } });

async function peopleTotal(): Promise<number> {
  return ((await (await get('/api/people')).json()) as { total: number }).total;
}

describe('vCard import over HTTP', () => {
  it('refuses a file cut short or not a vCard with the line and the problem, and writes nothing', async () => {
    const res = await upload('vcard', fixture('vcard', 'cut-short.vcf'));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toMatch(/^Line 6: the card that starts here has no END:VCARD/);
    const other = await upload('vcard/preview', fixture('vcard', 'not-a-vcard.vcf'));
    expect(other.status).toBe(400);
    expect(((await other.json()) as ErrorBody).error.message).toMatch(/^Line 1: this is not a vCard file/);
    expect(await peopleTotal()).toBe(0);
  });

  it('refuses a file over 20 MB with a message that says how to make it smaller', async () => {
    const res = await upload('vcard/preview', new Uint8Array(20 * 1024 * 1024 + 100_000));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/larger than 20 MB.*without photos/);
  });

  it('previews, then imports with streamed progress', async () => {
    const preview = await upload('vcard/preview', fixture('vcard', 'google-contacts.vcf'));
    expect(preview.status).toBe(200);
    const summary = (await preview.json()) as Summary;
    expect(summary).toMatchObject({ applied: false, counts: { new: 3, skipped: 1 } });
    expect(await peopleTotal()).toBe(0);

    const res = await upload(
      'vcard',
      fixture('vcard', 'google-contacts.vcf'),
      {},
      { accept: 'application/x-ndjson' },
    );
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const events = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; done?: number; summary?: Summary });
    expect(events.filter((e) => e.type === 'progress').at(-1)).toMatchObject({ done: 3, total: 3 });
    expect(events.at(-1)).toMatchObject({
      type: 'result',
      summary: { applied: true, counts: summary.counts },
    });
    expect(await peopleTotal()).toBe(3);
  });
});

describe('CSV import over HTTP', () => {
  it('inspects, refuses a mapping without a name, previews, imports, and proposes the same mapping next time', async () => {
    const file = fixture('csv', 'people-semicolon.csv');
    const inspect = await upload('csv/inspect', file);
    expect(inspect.status).toBe(200);
    const columns = (await inspect.json()) as { headers: string[]; mapping: string[]; remembered: boolean };
    expect(columns.remembered).toBe(false);
    expect(columns.mapping[0]).toBe('fullName');

    const noName = await upload('csv', file, {
      mapping: JSON.stringify(columns.headers.map(() => 'ignore')),
    });
    expect(noName.status).toBe(400);
    expect(((await noName.json()) as ErrorBody).error.message).toMatch(
      /^Mapping: choose the column with the name/,
    );
    const notJson = await upload('csv/preview', file, { mapping: 'fullName,email' });
    expect(notJson.status).toBe(400);

    const mapping = JSON.stringify(columns.mapping.map((f, i) => (i === 1 ? 'ignore' : f)));
    const preview = (await (await upload('csv/preview', file, { mapping })).json()) as Summary;
    // Ana and 王小明 came with the Google contacts above: matched, not added again.
    expect(preview.counts).toEqual({ new: 1, updated: 1, unchanged: 1, skipped: 1 });
    const before = await peopleTotal();
    const applied = await upload('csv', file, { mapping });
    expect(((await applied.json()) as Summary).counts).toEqual(preview.counts);
    expect(await peopleTotal()).toBe(before + 1);

    const again = (await (await upload('csv/inspect', file)).json()) as {
      mapping: string[];
      remembered: boolean;
    };
    expect(again).toEqual(expect.objectContaining({ remembered: true, mapping: JSON.parse(mapping) }));
  });

  it('names the line of a broken quote', async () => {
    const res = await upload('csv/inspect', fixture('csv', 'broken-quote.csv'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/^Line 3: a quoted value starts here/);
  });
});

describe('vCard export', () => {
  it('sends everyone as a vCard 4.0 attachment that imports back unchanged', async () => {
    const res = await get('/api/exports/vcard');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rapport-contacts-\d{4}-\d{2}-\d{2}\.vcf"$/,
    );
    const text = await res.text();
    const total = await peopleTotal();
    expect(text.match(/BEGIN:VCARD\r\nVERSION:4\.0\r\n/g)).toHaveLength(total);
    expect(text).toContain('FN:Ana Silva\r\n');
    expect(text).toContain('ORG:Acme\\, Inc.\r\n');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const back = (await (await upload('vcard/preview', text)).json()) as Summary;
    expect(back.counts).toEqual({ new: 0, updated: 0, unchanged: total, skipped: 0 });
  });

  it('exports only the chosen people, or those matching a search', async () => {
    const list = (await (await get('/api/people?q=Silva')).json()) as { items: { id: string }[] };
    const one = await get(`/api/exports/vcard?ids=${list.items[0]!.id}`);
    expect((await one.text()).match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(one.headers.get('content-disposition')).toMatch(/rapport-contact-/);
    const search = await (await get('/api/exports/vcard?q=Silva')).text();
    expect(search.match(/FN:/g)).toHaveLength(list.items.length);
    const bad = await get('/api/exports/vcard?ids=not-an-id');
    expect(bad.status).toBe(400);
  });
});

describe('OpenAPI document', () => {
  it('describes the vCard and CSV imports and the vCard export', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/imports/vcard',
        '/api/imports/vcard/preview',
        '/api/imports/csv/inspect',
        '/api/imports/csv/preview',
        '/api/imports/csv',
        '/api/exports/vcard',
      ]),
    );
  });
});
