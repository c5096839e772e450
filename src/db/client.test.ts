import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPostgres } from './client.js';

const url = process.env.TEST_DATABASE_URL;

const firstN = (result: unknown) => (result as { rows: { n: number }[] }).rows[0]?.n;

/**
 * A service may ask a request's transaction for several reads at once. pg 8 queues them on the
 * connection but warns that pg 9 will refuse; the pool's connections queue them themselves, so the
 * reads still answer, in order, with no warning. PostgreSQL only (npm run test:pg).
 */
describe.runIf(url)('a PostgreSQL transaction asked for several reads at once', () => {
  it('answers each in order and leaves pg nothing to warn about', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const handle = await openPostgres(url as string, { max: 1 });
    try {
      const answers = await handle.db.transaction(async (tx) =>
        Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            tx.execute(sql`select ${i}::int as n, pg_sleep(0.002)`).then(firstN),
          ),
        ),
      );
      expect(answers).toEqual(Array.from({ length: 12 }, (_, i) => i));
      // A read that fails rejects its caller and ends the transaction; the connection's queue is
      // not stuck behind it (one connection here, so the next transaction gets the same one).
      const failed = await handle.db
        .transaction(async (tx) => Promise.all([tx.execute(sql`select 1 / 0`), tx.execute(sql`select 2`)]))
        .then(
          () => 'committed',
          (err: Error) => err.message,
        );
      expect(failed).toMatch(/Failed query: select 1 \/ 0/);
      const after = await handle.db.transaction(async (tx) =>
        Promise.all([tx.execute(sql`select 7 as n`), tx.execute(sql`select 8 as n`)]),
      );
      expect(after.map(firstN)).toEqual([7, 8]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((m) => m.includes('already executing'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await handle.close();
    }
  });
});

describe.runIf(url)('a PostgreSQL connection', () => {
  it('runs each statement on its own: no JIT compiling, no parallel workers', async () => {
    const handle = await openPostgres(url as string, { max: 1 });
    try {
      const r = await handle.db.execute(sql`select current_setting('jit') as jit,
        current_setting('max_parallel_workers_per_gather') as workers`);
      expect((r as unknown as { rows: unknown[] }).rows[0]).toEqual({ jit: 'off', workers: '0' });
    } finally {
      await handle.close();
    }
  });
});
