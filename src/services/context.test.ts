import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { jsonRows } from './context.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('rows read as one JSON text', () => {
  it('come in the order asked, with their types, times as ISO text, and none as an empty list', async () => {
    const rows = await jsonRows<{ n: number; label: string | null; on: boolean; at: string }>(
      t.ctx,
      sql`select n, case when n = 2 then null else 'row ' || n end as label, n % 2 = 0 as on,
        timestamptz '2026-03-29 00:30:00+00' + n * interval '1 hour' as at
        from generate_series(1, 3) n`,
      sql`x.n desc`,
    );
    expect(rows.map((r) => [r.n, r.label, r.on])).toEqual([
      [3, 'row 3', false],
      [2, null, true],
      [1, 'row 1', false],
    ]);
    // Whatever zone the server writes them in, they read back as the same instants.
    expect(rows.map((r) => new Date(r.at).toISOString())).toEqual([
      '2026-03-29T03:30:00.000Z',
      '2026-03-29T02:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
    expect(await jsonRows(t.ctx, sql`select 1 as n where false`)).toEqual([]);
  });
});
