import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

function upload(path: string, name: string, content: BlobPart, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([content], name));
  return app.request(`http://localhost/api/mail/import${path}`, {
    method: 'POST',
    body: form,
    headers: { host: 'localhost', ...headers },
  });
}

const mbox = readFileSync(join('test/fixtures/mail', 'takeout.mbox'));

describe('/api/mail/import', () => {
  it('previews, then imports with progress, and refuses what is not mail in a sentence', async () => {
    const person = await app.request('http://localhost/api/people', {
      method: 'POST',
      headers: { host: 'localhost', 'content-type': 'application/json' },
      body: JSON.stringify({ fullName: 'Ana Silva', email: 'ana@example.com' }),
    });
    expect(person.status).toBe(201);

    const preview = await upload('/preview', 'takeout.mbox', mbox);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ applied: false, total: 5, matched: 3, stored: 3 });

    const streamed = await upload('', 'takeout.mbox', mbox, { accept: 'application/x-ndjson' });
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(lines).toContainEqual({ type: 'progress', done: 3, total: 3 });
    expect(lines.at(-1)).toMatchObject({ type: 'result', summary: { applied: true, stored: 3 } });

    const again = await upload('', 'takeout.mbox', mbox);
    expect(await again.json()).toMatchObject({ stored: 0, alreadyLogged: 3 });

    const bad = await upload('/preview', 'photo.mbox', new Uint8Array(2048));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('photo.mbox holds binary data, not mail.');
  });
});
