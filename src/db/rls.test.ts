import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from './client.js';
import { migrate } from './migrate.js';
import { APP_ROLE, inWorkspace } from './rls.js';

const url = process.env.TEST_DATABASE_URL;

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * A hosted server is often run as an ordinary user that owns its database, not a superuser (the
 * policies would not apply to a superuser at all). Such a user, with CREATEROLE, gets the two roles
 * and one policy per role; without it, one policy for everyone. Either way, whole-database work
 * sees every workspace and a request sees its own. PostgreSQL only (npm run test:pg).
 */
describe.runIf(url)('row-level security for a server that connects as an ordinary owner', () => {
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const made: { database: string; role: string }[] = [];
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    for (const { database, role } of made) {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.query(`drop role if exists ${role}`);
    }
    await admin.end();
  });

  /** A database owned by a new login role; the role may make roles when `createRole`. */
  async function ownedDatabase(createRole: boolean) {
    const role = `rapport_owner_${createRole ? 'cr' : 'plain'}_${suffix}`;
    const database = `rapport_rls_${createRole ? 'cr' : 'plain'}_${suffix}`;
    await admin.query(
      `create role ${role} login nosuperuser ${createRole ? 'createrole' : 'nocreaterole'} password 'owner-password'`,
    );
    await admin.query(`create database ${database} owner ${role}`);
    made.push({ database, role });
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${database}`;
    dbUrl.username = role;
    dbUrl.password = 'owner-password';
    const handle = await openPostgres(dbUrl.toString(), { max: 2 });
    await migrate(handle);
    // Two workspaces with one person each, written as whole-database work (sign-up does this).
    const ids: string[] = [];
    for (const name of ['Ada Lovelace', 'Grace Hopper']) {
      const [ws] = rows<{ id: string }>(
        await handle.db.execute(
          sql`insert into workspaces (name, created_at) values (${name}, now()) returning id`,
        ),
      );
      await handle.db.execute(
        sql`insert into people (workspace_id, full_name, created_at, updated_at) values (${ws!.id}, ${name}, now(), now())`,
      );
      ids.push(ws!.id);
    }
    return { handle, ids };
  }

  async function policies(handle: Awaited<ReturnType<typeof openPostgres>>) {
    return rows<{ policyname: string; roles: string }>(
      await handle.db.execute(
        sql`select policyname, roles::text from pg_policies where tablename = 'people' order by policyname`,
      ),
    );
  }

  it('with CREATEROLE: one policy per role, a request sees only its workspace', async () => {
    const { handle, ids } = await ownedDatabase(true);
    try {
      expect(await policies(handle)).toEqual([
        { policyname: 'workspace_request', roles: `{${APP_ROLE}}` },
        { policyname: 'workspace_whole', roles: '{rapport_whole}' },
      ]);
      const all = rows<{ full_name: string }>(await handle.db.execute(sql`select full_name from people`));
      expect(all.map((p) => p.full_name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
      const seen = await inWorkspace(
        handle.db,
        ids[0]!,
        async (db) => rows<{ full_name: string }>(await db.execute(sql`select full_name from people`)),
        { switchRole: true },
      );
      expect(seen.map((p) => p.full_name)).toEqual(['Ada Lovelace']);
      const planted = await inWorkspace(
        handle.db,
        ids[0]!,
        (db) =>
          db.execute(
            sql`insert into people (workspace_id, full_name, created_at, updated_at) values (${ids[1]!}, 'Planted', now(), now())`,
          ),
        { switchRole: true },
      ).catch((err: Error) => String(err.cause ?? err));
      expect(planted).toMatch(/row-level security/);
      // A second start changes nothing.
      await migrate(handle);
      expect((await policies(handle)).map((p) => p.policyname)).toEqual([
        'workspace_request',
        'workspace_whole',
      ]);
    } finally {
      await handle.close();
    }
  });

  it('without CREATEROLE: one policy for everyone, still scoped by the transaction', async () => {
    const { handle, ids } = await ownedDatabase(false);
    try {
      expect((await policies(handle)).map((p) => p.policyname)).toEqual(['workspace_scope']);
      const all = rows<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from people`));
      expect(all[0]!.n).toBe(2);
      const seen = await inWorkspace(
        handle.db,
        ids[1]!,
        async (db) => rows<{ full_name: string }>(await db.execute(sql`select full_name from people`)),
        { switchRole: false },
      );
      expect(seen.map((p) => p.full_name)).toEqual(['Grace Hopper']);
    } finally {
      await handle.close();
    }
  });
});
