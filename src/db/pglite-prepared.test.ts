import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../services/context.js';
import { createPerson, getPersonJson, listPeople } from '../services/people/people.js';
import { ensureDefaultWorkspace } from '../services/settings/workspaces.js';
import { type DbHandle, openPglite } from './client.js';
import { migrate } from './migrate.js';
import { watchStatements } from './pglite-prepared.js';
import { people } from './schema.js';

// The embedded database only: a PostgreSQL server plans through node-postgres, not through this.
let handle: DbHandle;
let ctx: Ctx;
const now = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  handle = await openPglite({});
  await migrate(handle);
  const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db, now);
  ctx = { db: handle.db, workspaceId, userId, now: () => now };
});
afterAll(() => handle.close());

async function rowsOf<T>(query: SQL): Promise<T[]> {
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The statements the database holds prepared, with how often each was planned and run. */
async function prepared(): Promise<{ statement: string; runs: number }[]> {
  const r = await handle.pglite!.query<{ statement: string; runs: number }>(
    `select statement, (generic_plans + custom_plans)::int as runs from pg_prepared_statements`,
  );
  return r.rows;
}

describe('statements the embedded database is sent again', () => {
  it('are prepared once and give the same answers as the first time', async () => {
    const ada = await createPerson({
      ...ctx,
      input: { fullName: 'Ada Lovelace', tags: ['mentor', 'math'], keepInTouch: 'yes' } as never,
    });
    const first = await getPersonJson({ ...ctx, id: ada.id });
    const again = [];
    for (let i = 0; i < 4; i++) again.push(await getPersonJson({ ...ctx, id: ada.id }));
    expect(again).toEqual([first, first, first, first]);
    expect(JSON.parse(first)).toMatchObject({ fullName: 'Ada Lovelace', tags: ['math', 'mentor'] });

    const read = (await prepared()).find((p) => p.statement.includes('to_json(r)::text as person'));
    // Sent five times: the first runs as PGlite sends any statement, the next four prepared.
    expect(read?.runs).toBe(4);

    // Rows through Drizzle keep their types: dates, arrays, nulls.
    const lists = [];
    for (let i = 0; i < 3; i++) lists.push(await listPeople({ ...ctx, limit: 10 } as never));
    expect(lists[2]).toEqual(lists[0]);
    const rows = [];
    for (let i = 0; i < 3; i++)
      rows.push(await handle.db.select().from(people).where(sql`${people.id} = ${ada.id}`));
    expect(rows[2]).toEqual(rows[0]);
    expect(rows[2]![0]!.createdAt).toEqual(now);
    expect(rows[2]![0]!.pastOrganizationIds).toEqual([]);
    expect(rows[2]![0]!.email).toBeNull();
  });

  it("reads each value with the query's own parsers, and PGlite's for the other types", async () => {
    const client = (handle.db as unknown as { $client: NonNullable<DbHandle['pglite']> }).$client;
    const text = `select 41 + $1::int as n, true as yes, '{"a":[1,2]}'::jsonb as j, '{x,y}'::text[] as list,
      '2026-11-23T09:00:00Z'::timestamptz as at, 9007199254740993::int8 as big`;
    const options = { parsers: { 23: (value: string) => `int ${value}` } };
    const answers = [];
    // The first run is PGlite's own; the next two prepared.
    for (let i = 0; i < 3; i++) answers.push((await client.query(text, [1], options)).rows);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[2]).toEqual([
      {
        n: 'int 42',
        yes: true,
        j: { a: [1, 2] },
        list: ['x', 'y'],
        at: new Date('2026-11-23T09:00:00Z'),
        big: 9007199254740993n,
      },
    ]);
    // The options are the caller's: they still name their parsers, and nothing else was added.
    expect(Object.keys(options)).toEqual(['parsers']);
    expect(Object.keys(options.parsers)).toEqual(['23']);
    // Without parsers of its own, a query reads every type with PGlite's.
    expect((await client.query(text, [1])).rows[0]).toMatchObject({ n: 42 });
    expect((await client.query(text, [1])).rows[0]).toMatchObject({ n: 42 });
  });

  it('reports a refused write with its code, and the transaction it was in is undone', async () => {
    const insertTag = (name: string) =>
      handle.db.execute(sql`insert into tags (workspace_id, name) values (${ctx.workspaceId}, ${name})`);
    await insertTag('alpha');
    await insertTag('beta'); // the same text again: now prepared
    const failed = handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into tags (workspace_id, name) values (${ctx.workspaceId}, ${'gamma'})`);
      await tx.execute(sql`insert into tags (workspace_id, name) values (${ctx.workspaceId}, ${'alpha'})`);
    });
    await expect(failed).rejects.toSatisfy((e: unknown) => {
      const err = e as { code?: string; cause?: { code?: string } };
      return (err.cause?.code ?? err.code) === '23505';
    });
    const names = await rowsOf<{ name: string }>(
      sql`select name from tags where workspace_id = ${ctx.workspaceId} order by name`,
    );
    expect(names.map((r) => r.name)).toEqual(['alpha', 'beta', 'math', 'mentor']);
  });

  it('answers with the new columns after the table changes, whoever changed it', async () => {
    const read = async () => ({
      rows: await rowsOf<Record<string, unknown>>(
        sql`select * from tags where workspace_id = ${ctx.workspaceId} order by name limit 1`,
      ),
    });
    await read();
    await read();
    await handle.db.execute(sql`alter table tags add column shade text`);
    expect(Object.keys((await read()).rows[0]!)).toContain('shade');
    await read();
    // Changed by a statement that does not pass through Drizzle's client.
    await handle.pglite!.exec('alter table tags add column tint text');
    const after = (await read()).rows[0]!;
    expect(Object.keys(after)).toEqual(expect.arrayContaining(['shade', 'tint']));
    await handle.pglite!.exec('alter table tags drop column shade; alter table tags drop column tint');
  });

  it('prepares again what was dropped behind its back', async () => {
    const read = () =>
      rowsOf<{ n: number }>(sql`select count(*)::int as n from tags where workspace_id = ${ctx.workspaceId}`);
    const before = await read();
    await read();
    await handle.pglite!.exec('deallocate all');
    expect(await read()).toEqual(before);
    expect(await read()).toEqual(before);
    await handle.db.execute(sql`deallocate all`);
    expect(await read()).toEqual(before);
    expect(await read()).toEqual(before);
  });

  it('still tells the app it runs on the embedded database', async () => {
    const { isEmbedded } = await import('./client.js');
    expect(isEmbedded(handle.db)).toBe(true);
  });

  it("prepares the People box's search once for any text, and plans other text matching for its values", async () => {
    await createPerson({ ...ctx, input: { fullName: 'Grace Hopper', title: 'Rear Admiral' } });
    const found = [];
    for (const q of ['grace', 'hopper', 'admiral', 'nobody here', 'GRACE H']) {
      found.push((await listPeople({ ...ctx, q } as never)).items.map((p) => p.fullName));
    }
    expect(found).toEqual([['Grace Hopper'], ['Grace Hopper'], ['Grace Hopper'], [], ['Grace Hopper']]);
    const search = (await prepared()).find((p) => p.statement.includes('/* one plan for any text */'));
    // Five different texts, one statement: the first sent as any, the next four run prepared.
    expect(search?.runs).toBe(4);

    // Matching text without that mark is never prepared: its plan depends on the text.
    for (let i = 0; i < 3; i++) {
      await handle.db.execute(sql`select count(*) from ${people} where ${people.fullName} ilike ${`%${i}%`}`);
    }
    expect((await prepared()).filter((p) => p.statement.includes('ilike'))).toEqual([
      expect.objectContaining({ statement: expect.stringContaining('/* one plan for any text */') }),
    ]);
  });

  it('shows every statement it sends to whoever watches, prepared or not', async () => {
    const seen: string[] = [];
    const stop = watchStatements(handle.db, (text) => seen.push(text));
    for (let i = 0; i < 3; i++) await handle.db.execute(sql`select ${i}::int as watched`);
    stop();
    await handle.db.execute(sql`select 9::int as watched`);
    expect(seen).toEqual(Array(3).fill('select $1::int as watched'));
  });

  it('keeps a bounded number prepared, closing the least recently used', async () => {
    for (let i = 0; i < 450; i++) {
      for (let k = 0; k < 2; k++) await handle.db.execute(sql.raw(`select ${i} as n`));
    }
    await handle.db.execute(sql`select 1`);
    const held = await prepared();
    expect(held.length).toBeLessThanOrEqual(401);
    expect(held.some((p) => p.statement === 'select 449 as n')).toBe(true);
    expect(held.some((p) => p.statement === 'select 0 as n')).toBe(false);
  });
});
