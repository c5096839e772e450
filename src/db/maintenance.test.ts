import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { createPerson } from '../services/people/people.js';
import { analyzeIfNeeded, compact, vacuumIfNeeded } from './maintenance.js';
import { people } from './schema.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('maintenance stays out of the way of requests', () => {
  it('stops between tables when a request comes, and does the rest at the next idle moment', async () => {
    await createPerson({ ...t.ctx, input: { fullName: 'Yield Person' } });
    // A request is waiting: nothing is vacuumed or analyzed in front of it.
    const busy = await vacuumIfNeeded(t.handle, { all: true, shouldYield: () => true });
    expect(busy).toEqual({ vacuumed: [], analyzed: [], yielded: true });
    expect(await analyzeIfNeeded(t.handle, { all: true, shouldYield: () => true })).toEqual([]);
    // Idle again: the work is done.
    const idle = await vacuumIfNeeded(t.handle, { all: true, shouldYield: () => false });
    expect(idle.yielded).toBe(false);
    expect(idle.vacuumed).toContain('people');
  });
});

describe('a vacuum and its statistics', () => {
  it('are two statements, and a request that came during the vacuum goes before the second', async () => {
    await createPerson({ ...t.ctx, input: { fullName: 'Between Statements' } });
    const counts = async () => {
      const r = await t.ctx.db.execute(sql`select relname, vacuum_count::int as vacuums,
          analyze_count::int as analyses from pg_stat_user_tables where schemaname = 'public'`);
      return new Map(
        (r as unknown as { rows: { relname: string; vacuums: number; analyses: number }[] }).rows.map((x) => [
          x.relname,
          x,
        ]),
      );
    };
    const before = await counts();
    // Idle when it starts; a request comes while the first table is vacuumed.
    let looks = 0;
    const run = await vacuumIfNeeded(t.handle, { all: true, shouldYield: () => looks++ > 0 });
    expect(run.yielded).toBe(true);
    expect(run.vacuumed).toHaveLength(1);
    const table = run.vacuumed[0]!;
    // Activity statistics reach the views a moment later.
    let after = await counts();
    for (let tries = 0; tries < 40 && after.get(table)!.vacuums === before.get(table)!.vacuums; tries++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await counts();
    }
    expect(after.get(table)!.vacuums).toBe(before.get(table)!.vacuums + 1);
    expect(after.get(table)!.analyses).toBe(before.get(table)!.analyses);
  });
});

describe('planner statistics', () => {
  it('analyzes tables that have data but no statistics, then has nothing left to do', async () => {
    for (let i = 0; i < 5; i++) await createPerson({ ...t.ctx, input: { fullName: `Stat ${i}` } });
    const first = await analyzeIfNeeded(t.handle, { all: true });
    expect(first).toContain('people');
    expect(await analyzeIfNeeded(t.handle)).not.toContain('people');
  });

  it('vacuums a table once updates have left many dead rows, as autovacuum would', async () => {
    for (let i = 0; i < 60; i++) await createPerson({ ...t.ctx, input: { fullName: `Churn ${i}` } });
    await vacuumIfNeeded(t.handle, { all: true });
    await t.ctx.db.update(people).set({ connectedOn: '2024-01-01' });
    await t.ctx.db.update(people).set({ connectedOn: '2024-02-01' });
    const deadRows = async () => {
      const r = await t.ctx.db.execute(
        sql`select n_dead_tup from pg_stat_user_tables where schemaname = 'public' and relname = 'people'`,
      );
      return Number((r as unknown as { rows: { n_dead_tup: number }[] }).rows[0]?.n_dead_tup);
    };
    // Activity statistics reach the views a moment later; a run before that simply finds nothing.
    // (On a PostgreSQL server autovacuum may get there first; either way the dead rows go.)
    let vacuumed: string[] = [];
    for (let tries = 0; tries < 40 && !vacuumed.includes('people'); tries++) {
      await new Promise((r) => setTimeout(r, 250));
      ({ vacuumed } = await vacuumIfNeeded(t.handle));
      if (t.handle.engine === 'postgres' && (await deadRows()) === 0) break;
    }
    if (t.handle.engine === 'pglite') expect(vacuumed).toContain('people');
    expect(await deadRows()).toBe(0);
    expect((await vacuumIfNeeded(t.handle)).vacuumed).not.toContain('people');
  });

  it('vacuums a table that took many new rows, as autovacuum does after a large import', async () => {
    await vacuumIfNeeded(t.handle, { all: true });
    const stats = async () => {
      const r = await t.ctx.db.execute(
        sql`select n_ins_since_vacuum as inserted, vacuum_count + autovacuum_count as vacuums
              from pg_stat_user_tables where schemaname = 'public' and relname = 'people'`,
      );
      const row = (r as unknown as { rows: { inserted: number; vacuums: number }[] }).rows[0]!;
      return { inserted: Number(row.inserted), vacuums: Number(row.vacuums) };
    };
    const before = await stats();
    const ctx = await t.otherWorkspace();
    const at = t.clock.now().toISOString();
    await ctx.db.execute(sql`insert into people (workspace_id, full_name, created_at, updated_at)
      select ${ctx.workspaceId}::uuid, 'Imported ' || n, ${at}::timestamptz, ${at}::timestamptz
      from generate_series(1, 1500) n`);
    let vacuumed: string[] = [];
    for (let tries = 0; tries < 40 && !vacuumed.includes('people'); tries++) {
      await new Promise((r) => setTimeout(r, 250));
      ({ vacuumed } = await vacuumIfNeeded(t.handle));
      if (t.handle.engine === 'postgres' && (await stats()).vacuums > before.vacuums) break;
    }
    if (t.handle.engine === 'pglite') {
      expect(vacuumed).toContain('people');
      expect((await stats()).inserted).toBe(0);
    } else {
      // On a PostgreSQL server autovacuum may get there first, and another pooled connection may
      // report rows it inserted earlier only after the vacuum (an idle connection sends its
      // counts up to seconds late), so what shows is that the table was vacuumed after the insert.
      expect((await stats()).vacuums).toBeGreaterThan(before.vacuums);
    }
  });
});

describe('giving space back', () => {
  async function deletedMoreThanKept(): Promise<boolean> {
    const result = await t.ctx.db.execute(
      sql`select n_tup_del > n_live_tup as yes from pg_stat_user_tables where schemaname = 'public' and relname = 'people'`,
    );
    return (result as unknown as { rows: { yes: boolean }[] }).rows[0]?.yes === true;
  }

  it('shrinks the database after most people are deleted, and only rewrites wasteful tables in quiet time', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Departed Person ${i} ${'x'.repeat(200)}`);
    await t.ctx.db.execute(sql`
      insert into people (workspace_id, full_name, created_at, updated_at)
      select ${t.ctx.workspaceId}::uuid, n, ${t.clock.now().toISOString()}::timestamptz, ${t.clock.now().toISOString()}::timestamptz
      from unnest(${sql.param(names)}::text[]) as n`);
    await vacuumIfNeeded(t.handle, { all: true });
    const before = await t.ctx.db.execute(sql`select pg_total_relation_size('people')::float8 as b`);
    const full = Number((before as unknown as { rows: { b: number }[] }).rows[0]!.b);
    // Nine in ten go, spread through the table, as after deleting an import but a few kept people.
    await t.ctx.db.execute(
      sql`delete from people where full_name like 'Departed Person %' and full_name not like '%0 x%'`,
    );
    await vacuumIfNeeded(t.handle, { all: true });
    const afterVacuum = await t.ctx.db.execute(sql`select pg_total_relation_size('people')::float8 as b`);
    // A plain vacuum keeps the space: this is what the issue found.
    expect(Number((afterVacuum as unknown as { rows: { b: number }[] }).rows[0]!.b)).toBeGreaterThan(
      full * 0.8,
    );
    if (t.handle.engine === 'postgres') {
      // The quiet-time rule reads the table's counts of live and deleted rows; on a PostgreSQL server
      // the pooled connection that deleted sends its counts up to seconds late (see above).
      for (let i = 0; i < 100 && !(await deletedMoreThanKept()); i++)
        await new Promise((r) => setTimeout(r, 200));
    }
    const quiet = await compact(t.ctx.db, { onlyWasteful: true });
    expect(quiet.tables).toContain('people');
    expect(quiet.tables).not.toContain('tags');
    const after = await t.ctx.db.execute(sql`select pg_total_relation_size('people')::float8 as b`);
    expect(Number((after as unknown as { rows: { b: number }[] }).rows[0]!.b)).toBeLessThan(full * 0.3);
    expect(quiet.bytesAfter).toBeLessThan(quiet.bytesBefore);
  }, 120_000);
});
