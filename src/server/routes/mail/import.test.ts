import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send, type Upload } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';

let t: TestDb;
let send: Send;
let upload: Upload;
beforeAll(async () => {
  ({ t, send, upload } = await openTestApi());
});
afterAll(() => t.close());

/** Uploads a mail file to /api/mail/import (or its /preview), as the mail page does. */
function importMail(path: string, name: string, content: BlobPart, headers: Record<string, string> = {}) {
  return upload(`/api/mail/import${path}`, { file: new File([content], name) }, headers);
}

const mbox = readFileSync(join('test/fixtures/mail', 'takeout.mbox'));

describe('/api/mail/import', () => {
  it('previews, then imports with progress, and refuses what is not mail in a sentence', async () => {
    const person = await send('POST', '/api/people', { fullName: 'Ana Silva', email: 'ana@example.com' });
    expect(person.status).toBe(201);

    const preview = await importMail('/preview', 'takeout.mbox', mbox);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ applied: false, total: 5, matched: 3, stored: 3 });

    const streamed = await importMail('', 'takeout.mbox', mbox, { accept: 'application/x-ndjson' });
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(lines).toContainEqual({ type: 'progress', done: 3, total: 3 });
    expect(lines.at(-1)).toMatchObject({ type: 'result', summary: { applied: true, stored: 3 } });

    const again = await importMail('', 'takeout.mbox', mbox);
    expect(await again.json()).toMatchObject({ stored: 0, alreadyLogged: 3 });

    const bad = await importMail('/preview', 'photo.mbox', new Uint8Array(2048));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('photo.mbox holds binary data, not mail.');
  });
});
