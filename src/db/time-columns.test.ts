import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { createConversation } from '../services/conversations/conversations.js';
import { createIntroduction } from '../services/network/introductions.js';
import { createTemplate } from '../services/outreach/templates.js';
import { createPerson } from '../services/people/people.js';
import { loadSampleWorkspace } from '../services/settings/sample.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await t.ctx.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** Every date and time column of the application's tables. */
async function timeColumns() {
  return rowsOf<{ table_name: string; column_name: string; column_default: string | null }>(sql`
    select c.table_name, c.column_name, c.column_default
    from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.data_type in ('date', 'timestamp with time zone', 'timestamp without time zone')
      and c.table_name not like '\\_\\_%'`);
}

describe('times come from the clock, never from the database', () => {
  it('gives no date or time column a database default', async () => {
    const columns = await timeColumns();
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.filter((c) => c.column_default !== null)).toEqual([]);
  });

  it('writes every time of a used workspace from the injected clock, far from the real date', async () => {
    // Years away from the real date: any time the database made up itself falls outside the window.
    t.clock.set('2041-06-15T10:00:00Z');
    const ctx = await t.otherWorkspace();
    await loadSampleWorkspace(ctx);
    const introducer = await createPerson({ ...ctx, input: { fullName: 'Clock Introducer' } });
    const introduced = await createPerson({
      ...ctx,
      input: { fullName: 'Clock Introduced', introducedById: introducer.id },
    });
    const other = await createPerson({ ...ctx, input: { fullName: 'Clock Other' } });
    await createIntroduction({ ...ctx, input: { introducerId: other.id, introducedId: introduced.id } });
    await createConversation({ ...ctx, input: { type: 'learn_role', participantIds: [introduced.id] } });
    await createTemplate({ ...ctx, input: { name: 'Clock', kind: 'request', body: 'Hello {{firstName}}?' } });

    const outside: string[] = [];
    for (const { table_name: table, column_name: column } of await timeColumns()) {
      const scoped = table === 'workspaces' ? sql`id` : sql`workspace_id`;
      const hasWorkspace = await rowsOf(sql`
        select 1 from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and column_name = 'workspace_id'`);
      if (table !== 'workspaces' && !hasWorkspace.length) continue;
      const [range] = await rowsOf<{ earliest: string | null; latest: string | null }>(sql`
        select min(${sql.identifier(column)})::text as earliest, max(${sql.identifier(column)})::text as latest
        from ${sql.identifier(table)} where ${scoped} = ${ctx.workspaceId}::uuid`);
      for (const value of [range?.earliest, range?.latest]) {
        if (value && (value < '2036' || value > '2043')) outside.push(`${table}.${column} = ${value}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
