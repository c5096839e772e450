import { eq } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { deflated, entriesOf, type RawEntry, writeZip, zeros } from '../../test/hostile-zip.js';
import { peopleCount } from '../../test/people.js';
import { workspaces } from '../db/schema.js';
import { createBackup } from '../services/backup/backup.js';
import type { Ctx } from '../services/context.js';
import { loadSampleWorkspace } from '../services/settings/sample.js';
import { createApp } from './app.js';

let t: TestDb;
let ctx: Ctx;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  ctx = t.ctx;
  app = createApp({ context: () => ctx, webDir: null });
});
afterAll(() => t.close());

interface Summary {
  applied: boolean;
  counts: { new: number; updated: number; unchanged: number; skipped: number };
  skipped: { line: number; name: string | null; reason: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

function post(path: string, content: BlobPart, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([content], fileName));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return app.request(`http://localhost/api${path}`, {
    method: 'POST',
    body: form,
    headers: { host: 'localhost' },
  });
}

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe('imports over HTTP: a bad value is a row error, never a 500, and is not written', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a 10,001-character name',
      `${'N'.repeat(9_996)},Long,,,,,`,
      /^columns "First Name" and "Last Name": the value is 10,001 characters long, more than the 200 allowed$/,
    ],
    [
      'a javascript: profile URL',
      'Eve,Hacker,javascript:alert(1),,,,',
      /^column "URL": the value "javascript:alert\(1\)" is not a web address starting with http:\/\/ or https:\/\/$/,
    ],
    ['a NUL byte', 'Nul,Byte,,,Acme\u0000Corp,,', /^column "Company": the value contains a NUL character/],
  ];
  for (const [what, row, reason] of cases) {
    it(`LinkedIn: ${what}`, async () => {
      ctx = await t.otherWorkspace();
      const file = `${HEADER}\r\n${row}\r\n`;
      const preview = await post('/imports/linkedin/preview', file, 'Connections.csv');
      expect(preview.status).toBe(200);
      const body = (await preview.json()) as Summary;
      expect(body.counts.skipped).toBe(1);
      expect(body.skipped[0]!.line).toBe(2);
      expect(body.skipped[0]!.reason).toMatch(reason);
      const applied = await post('/imports/linkedin', file, 'Connections.csv');
      expect(applied.status).toBe(200);
      expect(((await applied.json()) as Summary).counts.new).toBe(0);
      expect(await peopleCount(ctx)).toBe(0);
    });
  }

  it('CSV: a 19 MB cell', async () => {
    ctx = await t.otherWorkspace();
    const file = `Name,Email,Notes\nBig Cell,big@example.com,${'x'.repeat(19 * 1024 * 1024)}\n`;
    const mapping = JSON.stringify(['fullName', 'email', 'notes']);
    const preview = await post('/imports/csv/preview', file, 'people.csv', { mapping });
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as Summary).skipped).toEqual([
      {
        line: 2,
        name: 'Big Cell',
        reason: 'column "Notes": the value is 19,922,944 characters long, more than the 50,000 allowed',
      },
    ]);
    const applied = await post('/imports/csv', file, 'people.csv', { mapping });
    expect(applied.status).toBe(200);
    expect(await peopleCount(ctx)).toBe(0);
  });
});

describe('restore over HTTP: a hostile archive is refused with a sentence', () => {
  let backup: RawEntry[];
  beforeAll(async () => {
    const source = await t.otherWorkspace();
    await loadSampleWorkspace(source);
    backup = entriesOf((await createBackup(source)).bytes);
    // Its ids are free again, so the archive could be restored here.
    await source.db.delete(workspaces).where(eq(workspaces.id, source.workspaceId));
  });

  it('refuses a zip bomb with 413 before inflating it', async () => {
    ctx = await t.otherWorkspace();
    const bomb: RawEntry = {
      name: 'tables/people.json',
      data: zeros(400),
      method: 8,
      declaredSize: 400 * 1024 * 1024,
    };
    const zip = writeZip([...backup.filter((e) => e.name !== bomb.name), bomb]);
    const res = await post('/backup/restore/preview', zip as Uint8Array<ArrayBuffer>, 'rapport-backup.zip');
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.message).toBe(
      "The backup's entry tables/people.json would inflate to 400 MB, more than the 256 MB such an entry can hold. This is not a Rapport backup, or it is damaged.",
    );
  });

  it('refuses an unknown entry with 400, naming it', async () => {
    ctx = await t.otherWorkspace();
    const zip = writeZip([...backup, deflated('run-me.sh', strToU8('#!/bin/sh\n'))]);
    const res = await post('/backup/restore', zip as Uint8Array<ArrayBuffer>, 'rapport-backup.zip');
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(
      /^The archive holds an entry named "run-me\.sh"/,
    );
    expect(await peopleCount(ctx)).toBe(0);
  });

  it('names the entry, row and column of a value that does not fit, and restores nothing', async () => {
    ctx = await t.otherWorkspace();
    const zip = writeZip(
      backup.map((e) => {
        if (e.name !== 'tables/people.json') return e;
        const rows = JSON.parse(strFromU8(unzipSync(writeZip([e]))[e.name]!)) as Record<string, unknown>[];
        rows[3]!.id = 'not-an-id';
        return deflated(e.name, strToU8(JSON.stringify(rows)));
      }),
    );
    const res = await post('/backup/restore', zip as Uint8Array<ArrayBuffer>, 'rapport-backup.zip');
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.message).toMatch(
      /^entry tables\/people\.json, row 4, column id: the value is not an id \(a UUID\)\. .*nothing was restored\.$/,
    );
    expect(body.error.details).toEqual({ entry: 'tables/people.json', row: 4, column: 'id' });
    expect(await peopleCount(ctx)).toBe(0);
  });
});
