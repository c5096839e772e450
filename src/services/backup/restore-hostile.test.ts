import { count, eq } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { deflated, entriesOf, type RawEntry, writeZip, zeros } from '../../../test/hostile-zip.js';
import * as schema from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { loadSampleWorkspace } from '../settings/sample.js';
import { createBackup } from './backup.js';
import { applyRestore, previewRestore } from './restore.js';

let t: TestDb;
let backup: RawEntry[];
let bomb: Uint8Array;
const BOMB_BYTES = 600 * 1024 * 1024;
beforeAll(async () => {
  t = await openTestDb();
  const source = await t.otherWorkspace();
  await loadSampleWorkspace(source);
  const zip = (await createBackup(source)).bytes;
  await source.db.delete(schema.workspaces).where(eq(schema.workspaces.id, source.workspaceId));
  backup = entriesOf(zip);
  bomb = zeros(BOMB_BYTES / (1024 * 1024));
});
afterAll(() => t?.close());

async function peopleIn(ctx: Ctx): Promise<number> {
  const [n] = await ctx.db
    .select({ n: count() })
    .from(schema.people)
    .where(eq(schema.people.workspaceId, ctx.workspaceId));
  return n!.n;
}

/** The refusal of restoring `zip` into an empty workspace, checked to have written nothing. */
async function refusal(zip: Uint8Array): Promise<AppError> {
  const ctx = await t.otherWorkspace();
  const error = await applyRestore({ ...ctx, bytes: zip }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(await peopleIn(ctx)).toBe(0);
  return error as AppError;
}

/** The backup with one table's rows changed. */
function withRows(table: string, change: (rows: Record<string, unknown>[]) => void): Uint8Array {
  return writeZip(
    backup.map((e) => {
      if (e.name !== `tables/${table}.json`) return e;
      const rows = JSON.parse(strFromU8(unzipSync(writeZip([e]))[e.name]!)) as Record<string, unknown>[];
      change(rows);
      return deflated(e.name, strToU8(`[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`));
    }),
  );
}

describe('restoring a hostile archive', () => {
  it('still restores an honest backup read through the capped reader', async () => {
    const ctx = await t.otherWorkspace();
    const result = await applyRestore({ ...ctx, bytes: writeZip(backup) });
    expect(result.applied).toBe(true);
    expect(await peopleIn(ctx)).toBeGreaterThan(3);
    // Its ids are free again for the refusals below.
    await ctx.db.delete(schema.workspaces).where(eq(schema.workspaces.id, ctx.workspaceId));
  });

  it('refuses an entry that declares more than its cap before inflating anything', async () => {
    // A real bomb: 600 MB of zeros in well under 1 MB. Declared honestly, it is refused from the
    // directory alone; the time and memory bounds show nothing was inflated.
    const zip = writeZip([
      ...backup.filter((e) => e.name !== 'tables/people.json'),
      { name: 'tables/people.json', data: bomb, method: 8, declaredSize: BOMB_BYTES },
    ]);
    expect(zip.length).toBeLessThan(2 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const error = await refusal(zip);
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
    expect(error.code).toBe('too_large');
    expect(error.userMessage).toMatch(
      /^The backup's entry tables\/people\.json would inflate to 600 MB, more than the 256 MB such an entry can hold\. This is not a Rapport backup, or it is damaged\.$/,
    );
  });

  it('stops inflating an entry whose header lies about its size', async () => {
    const zip = writeZip([
      ...backup.filter((e) => e.name !== 'tables/people.json'),
      { name: 'tables/people.json', data: bomb, method: 8, declaredSize: 4096 },
    ]);
    const rss = process.memoryUsage().rss;
    const error = await refusal(zip);
    // Inflating all 600 MB would take 600 MB of memory; stopping at the declared size does not.
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
    expect(error.code).toBe('too_large');
    expect(error.userMessage).toMatch(
      /entry tables\/people\.json inflates to more than the 4,096 bytes it declares/,
    );
  });

  it('refuses entries that together would inflate past the total cap', async () => {
    const big = (name: string): RawEntry => ({
      name,
      data: bomb,
      method: 8,
      declaredSize: 200 * 1024 * 1024,
    });
    const others = ['tables/people.json', 'tables/notes.json', 'tables/organizations.json'];
    const zip = writeZip([...backup.filter((e) => !others.includes(e.name)), ...others.map(big)]);
    const error = await refusal(zip);
    expect(error.code).toBe('too_large');
    expect(error.userMessage).toMatch(
      /would inflate to more than 512 MB, more than any Rapport workspace holds/,
    );
  });

  it('refuses an entry no backup has, before inflating it', async () => {
    // Not even valid deflate data: the name alone is refused.
    const zip = writeZip([
      ...backup,
      { name: 'files/../../etc/cron.d/x', data: new Uint8Array([1, 2, 3]), method: 8, declaredSize: 10 },
    ]);
    const error = await refusal(zip);
    expect(error.code).toBe('validation');
    expect(error.userMessage).toBe(
      'The archive holds an entry named "files/../../etc/cron.d/x", which no Rapport backup has. This is not a Rapport backup, or it is damaged.',
    );
    const unknownTable = await refusal(writeZip([...backup, deflated('tables/secrets.json', strToU8('[]'))]));
    expect(unknownTable.userMessage).toMatch(/table "secrets" that this version of Rapport does not know/);
  });

  it('names the entry, row and column of a value the database refuses, never SQL', async () => {
    const badDate = await refusal(
      withRows('people', (rows) => {
        rows[1]!.connected_on = 'last spring';
      }),
    );
    expect(badDate.userMessage).toBe(
      'entry tables/people.json, row 2, column connected_on: the value is not a date. This backup was changed or damaged after Rapport made it; nothing was restored.',
    );
    expect(badDate.details).toEqual({ entry: 'tables/people.json', row: 2, column: 'connected_on' });

    const orphan = await refusal(
      withRows('people', (rows) => {
        rows[2]!.organization_id = '00000000-0000-4000-8000-000000000000';
      }),
    );
    expect(orphan.userMessage).toMatch(
      /^entry tables\/people\.json, row 3, column organization_id: the value refers to a record that is not in the backup\./,
    );
    for (const e of [badDate, orphan])
      expect(e.userMessage).not.toMatch(/insert|select|json_populate|syntax/i);
  });

  it('finds a NUL character or an unknown column in the preview, naming entry, row and column', async () => {
    const zip = withRows('people', (rows) => {
      rows[0]!.notes = 'before\u0000after';
    });
    const ctx = await t.otherWorkspace();
    const error = await previewRestore({ ...ctx, bytes: zip }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toMatch(
      /^entry tables\/people\.json, row 1, column notes: the value holds a NUL character/,
    );
    const unknown = withRows('people', (rows) => {
      rows[3]!.salary = 1;
    });
    const refused = await previewRestore({ ...ctx, bytes: unknown }).catch((e: unknown) => e);
    expect((refused as AppError).userMessage).toMatch(
      /^entry tables\/people\.json, row 4, column "salary": this version of Rapport has no such column\./,
    );
  });
});
