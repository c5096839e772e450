import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { people } from '../../db/schema.js';
import { listPeople } from '../people/people.js';
import { exportCsv } from './exports-csv.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  // Names with a quote and a backslash, repeated, so the pages end on them: each later page
  // starts after such a name, passed back to the database as its key.
  const names = ["O'Brien \\ Ada", "o'brien \\ ada", "D'Arcy \\\\' Bo", 'Plain Name'];
  await t.ctx.db.insert(people).values(
    Array.from({ length: 1100 }, (_, i) => ({
      workspaceId: t.ctx.workspaceId,
      fullName: names[i % names.length]!,
      title: `Number ${i}`,
      createdAt: new Date(t.ctx.now().getTime() + i),
      updatedAt: new Date(t.ctx.now().getTime() + i),
    })),
  );
});
afterAll(() => t.close());

async function exportedTitles(): Promise<string[]> {
  const { pieces } = await exportCsv({ ...t.ctx, list: 'people' });
  let text = '';
  for await (const piece of pieces) text += piece;
  return (parse(text, { bom: true, columns: true }) as Record<string, string>[]).map((r) => r.Title!);
}

describe('People export pages', () => {
  it('writes every person once, in the list’s order, when pages end on names with quotes and backslashes', async () => {
    const listed = await listPeople({ ...t.ctx, limit: 5000 });
    expect(listed.items).toHaveLength(1100);
    expect(await exportedTitles()).toEqual(listed.items.map((p) => p.title));
  });

  it('exports the same again and again, and after the kept statements are dropped (DEALLOCATE ALL)', async () => {
    const before = await exportedTitles();
    for (let i = 0; i < 6; i++) expect(await exportedTitles()).toEqual(before);
    await t.ctx.db.execute(sql`deallocate all`);
    expect(await exportedTitles()).toEqual(before);
  });
});
