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
  // starts after such a name, which the embedded database receives as the text of a literal.
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

describe('People export pages on a reused statement', () => {
  it('writes every person once, in the list’s order, when pages end on names with quotes and backslashes', async () => {
    const listed = await listPeople({ ...t.ctx, limit: 5000 });
    expect(listed.items).toHaveLength(1100);
    expect(await exportedTitles()).toEqual(listed.items.map((p) => p.title));
  });

  it('plans the pages after the first once on the embedded database, and prepares again what was dropped', async () => {
    const before = await exportedTitles();
    if (t.handle.engine === 'pglite') {
      const statements = await t.ctx.db.execute(
        sql`select generic_plans + custom_plans as runs from pg_prepared_statements`,
      );
      // Two exports of three pages so far: the second and third page of each ran the prepared statement.
      expect((statements as unknown as { rows: { runs: number }[] }).rows.map((r) => Number(r.runs))).toEqual(
        [4],
      );
    }
    await t.ctx.db.execute(sql`deallocate all`);
    expect(await exportedTitles()).toEqual(before);
  });
});
