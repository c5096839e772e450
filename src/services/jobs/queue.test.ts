import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../../test/mail.js';
import { openPostgres } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { jobRuns } from '../../db/schema.js';
import { startJobQueue, TICK } from './queue.js';

const url = process.env.TEST_DATABASE_URL;

// Several server processes sharing one queue exist only on PostgreSQL (hosted mode); this runs in
// the PostgreSQL tier (npm run test:pg). e2e/hosted-two-process.spec.ts does the same with two servers.
describe.runIf(url)('the job queue with two workers on one database', () => {
  it('runs each scheduled tick once, though both ask for it every second', async () => {
    const name = `rapport_jobs_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${name}`;
    const handle = await openPostgres(dbUrl.toString(), { max: 4 });
    const queues: Awaited<ReturnType<typeof startJobQueue>>[] = [];
    try {
      await migrate(handle);
      const now = () => new Date();
      // Two processes starting at once: both create pg-boss's schema and queues without tripping.
      queues.push(
        ...(await Promise.all(
          ['a', 'b'].map((runner) =>
            startJobQueue({
              connectionString: dbUrl.toString(),
              db: handle.db,
              now,
              tickSeconds: 1,
              pollSeconds: 0.5,
              runner,
            }),
          ),
        )),
      );
      // Both ask for a tick many times in each slot.
      const asking = setInterval(() => {
        for (const q of queues) void q.tick().catch(() => {});
      }, 100);
      const rows = await eventually(
        async () => {
          const r = await handle.db.select().from(jobRuns).where(eq(jobRuns.name, TICK));
          return r.length >= 5 ? r : undefined;
        },
        30_000,
        'five ticks run',
      );
      clearInterval(asking);
      const slots = rows.map((r) => r.slot?.toISOString());
      expect(slots.every(Boolean)).toBe(true);
      expect(new Set(slots).size).toBe(rows.length);
      expect(new Set(rows.map((r) => r.jobId)).size).toBe(rows.length);
      const [stats] = (
        (await handle.db.execute(
          sql`select count(*)::int as runs, count(distinct slot)::int as slots from job_runs where name = ${TICK}`,
        )) as unknown as { rows: { runs: number; slots: number }[] }
      ).rows;
      expect(stats!.runs).toBe(stats!.slots);
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
      await handle.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });
});
