import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgres } from './client.js';
import { migrate } from './migrate.js';

const url = process.env.TEST_DATABASE_URL;

// Several server processes sharing one database exist only on PostgreSQL; the embedded database
// has one process per folder (lock.test.ts). This runs in the PostgreSQL tier (npm run test:pg).
describe.runIf(url)('migrations on PostgreSQL with several processes starting at once', () => {
  it('lets one migrate while the others wait, and all start on an empty database', async () => {
    const name = `rapport_migrate_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${name}`;
    const handles = await Promise.all(
      Array.from({ length: 4 }, () => openPostgres(dbUrl.toString(), { max: 2 })),
    );
    try {
      const results = await Promise.allSettled(handles.map((h) => migrate(h)));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      const check = await handles[0]!.db.execute(
        sql.raw(
          // Every migration applied once, and the extension the first one creates is there.
          "select (select count(*) from drizzle.__drizzle_migrations)::int as applied, (select count(*) from pg_extension where extname = 'pg_trgm')::int as trgm",
        ),
      );
      const row = (check as unknown as { rows: { applied: number; trgm: number }[] }).rows[0]!;
      expect(row.trgm).toBe(1);
      expect(row.applied).toBeGreaterThanOrEqual(5);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await admin.query(`drop database ${name}`);
      await admin.end();
    }
  });
});
