import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from './client.js';

/**
 * Row-level security: the second line of workspace isolation on PostgreSQL.
 *
 * Every service filters by `ctx.workspaceId`; on top of that, each table with a `workspace_id`
 * column (and `workspaces` itself, by its id) has policies that show a row only when
 *
 *   - the connection does trusted whole-database work (`rapport.all_workspaces = on`), or
 *   - the row's workspace is the one the transaction set (`rapport.workspace_id`).
 *
 * The two are separate policies, one per role: `workspace_request` for `rapport_app` (a request's
 * role) and `workspace_whole` for `rapport_whole` (granted to the server's own user). A request
 * then meets a plain `workspace_id = …` condition, which the planner estimates as one workspace's
 * share of the table; one policy with an OR of both was estimated at half the table, so a join
 * by id read a whole table (every account's organizations) instead of using an index. Where the
 * roles cannot be made, one policy for everyone (`workspace_scope`) holds both conditions.
 *
 * Every connection Rapport opens says `rapport.all_workspaces = on` (client.ts): migrations, local
 * mode, the CLI, maintenance, sign-up and sign-in work on the whole database. A hosted server runs
 * each request in a transaction that turns it off and names the request's workspace
 * (`set_config(…, true)`, so both end with the transaction), and drops to the role `rapport_app`.
 *
 * Why a role: PostgreSQL skips every policy for a superuser or a BYPASSRLS role, even with FORCE,
 * and a server is often run as the database's owner or a superuser (CI's `rapport` is one). The
 * role has no login, no BYPASSRLS, and only row privileges on the tables, so a request's queries
 * meet the policies whoever the server connects as. Where the server's user may not make roles
 * (no CREATEROLE), it is not a superuser either: FORCE then puts the owner under the policies and
 * the request runs without the role switch. A superuser or BYPASSRLS user with no usable
 * `rapport_app` is refused at start (`workspaceScope`).
 *
 * `workspace_members` is left out: it holds who may open which workspace, and is read before a
 * workspace is chosen. It holds nothing of a workspace's contents.
 *
 * PGlite (local mode) gets no policies: one person, one workspace, and its user is a superuser.
 */

export const APP_ROLE = 'rapport_app';
/** The role of whole-database work: the server's user is given it at start. */
const WHOLE_ROLE = 'rapport_whole';
/** Tables with a workspace_id that the policies leave alone (see above). */
const NOT_SCOPED = new Set(['workspace_members']);
/** A request's policy (role rapport_app) and whole-database work's (role rapport_whole). */
const REQUEST_POLICY = 'workspace_request';
const WHOLE_POLICY = 'workspace_whole';
/** One policy for every role, for a server whose user may not make the two roles. */
const POLICY = 'workspace_scope';
/** The first version's name: its settings were read again for every row (see ALL and THIS). */
const OLD_POLICY = 'workspace_isolation';

// Each setting is read in a subquery, which PostgreSQL runs once per statement: read directly,
// the setting's lookup and its cast to uuid ran for every row, and listing a workspace's 2,000
// people took 6.5 ms instead of 1.1 ms.
const ALL = "(select current_setting('rapport.all_workspaces', true) = 'on')";
const THIS = "(select nullif(current_setting('rapport.workspace_id', true), '')::uuid)";

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Puts every workspace table under its policy, makes the role and grants it the tables. Safe at
 * each start: it only changes what is missing, so a running server's tables are not locked by a
 * second one starting, and a table added by a later migration is covered on the next start.
 */
export async function applyRowSecurity(db: Db): Promise<void> {
  const perRole = await ensureRoles(db);
  const tables = rows<{
    table: string;
    column: string;
    enabled: boolean;
    forced: boolean;
    policies: string[];
  }>(
    await db.execute(sql`
      select c.relname as "table", col.column_name as "column",
             c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             array(select p.policyname::text from pg_policies p
                    where p.schemaname = 'public' and p.tablename = c.relname) as policies
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        join information_schema.columns col
          on col.table_schema = 'public' and col.table_name = c.relname
         and (col.column_name = 'workspace_id' or (c.relname = 'workspaces' and col.column_name = 'id'))
       where c.relkind = 'r'
       order by c.relname`),
  ).filter((t) => !NOT_SCOPED.has(t.table));
  for (const t of tables) {
    const table = sql.identifier(t.table);
    const column = `"${t.column}"`;
    const has = new Set(t.policies);
    const create = async (name: string, to: string, condition: string) => {
      if (has.has(name)) return;
      await db.execute(
        sql`create policy ${sql.identifier(name)} on ${table} to ${sql.raw(to)} using (${sql.raw(condition)}) with check (${sql.raw(condition)})`,
      );
    };
    const drop = async (name: string) => {
      if (has.has(name)) await db.execute(sql`drop policy ${sql.identifier(name)} on ${table}`);
    };
    await drop(OLD_POLICY);
    if (perRole) {
      await create(REQUEST_POLICY, APP_ROLE, `${column} = ${THIS}`);
      await create(WHOLE_POLICY, WHOLE_ROLE, ALL);
      await drop(POLICY);
    } else {
      await create(POLICY, 'public', `${ALL} or ${column} = ${THIS}`);
    }
    if (!t.enabled) await db.execute(sql`alter table ${table} enable row level security`);
    if (!t.forced) await db.execute(sql`alter table ${table} force row level security`);
  }
}

/** Makes a role when the server's user may, and gives it to that user; false when it is not theirs. */
async function ensureRole(db: Db, role: string): Promise<boolean> {
  // Roles belong to the whole PostgreSQL server: two databases migrating at once may both try.
  await db.execute(
    sql.raw(`do $$
begin
  if not exists (select 1 from pg_roles where rolname = '${role}') then
    create role ${role} nologin nosuperuser nobypassrls;
  end if;
exception
  when duplicate_object or unique_violation then null;
  when insufficient_privilege then
    raise notice 'Rapport: the role ${role} could not be made; requests rely on FORCE ROW LEVEL SECURITY';
end
$$`),
  );
  const member = async () =>
    rows<{ exists: boolean; member: boolean }>(
      await db.execute(sql`
        select exists (select 1 from pg_roles where rolname = ${role}) as exists,
               coalesce(pg_has_role(current_user, (select oid from pg_roles where rolname = ${role}), 'MEMBER'), false) as member`),
    )[0];
  const found = await member();
  if (!found?.exists) return false;
  if (found.member) return true;
  try {
    await db.execute(sql.raw(`grant ${role} to current_user`));
  } catch {
    // Without CREATEROLE the grant is refused; requests then run as the server's own user.
    return false;
  }
  return Boolean((await member())?.member);
}

/**
 * Makes `rapport_app` (a request's role, with row privileges on the tables) and `rapport_whole`
 * (whole-database work) when the server's user may. True when both are the user's, so each can
 * have its own policy.
 */
async function ensureRoles(db: Db): Promise<boolean> {
  const app = await ensureRole(db, APP_ROLE);
  const whole = await ensureRole(db, WHOLE_ROLE);
  const exists = rows<{ exists: boolean }>(
    await db.execute(sql`select exists (select 1 from pg_roles where rolname = ${APP_ROLE}) as exists`),
  )[0]?.exists;
  if (exists) {
    const missing = rows<{ table: string }>(
      await db.execute(sql`
        select c.relname as "table" from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
         where c.relkind = 'r'
           and not has_table_privilege(${APP_ROLE}, c.oid, 'select, insert, update, delete')`),
    );
    if (missing.length) {
      await db.execute(sql.raw(`grant usage on schema public to ${APP_ROLE}`));
      for (const { table } of missing) {
        await db.execute(
          sql`grant select, insert, update, delete on ${sql.identifier(table)} to ${sql.raw(APP_ROLE)}`,
        );
      }
      await db.execute(sql.raw(`grant usage, select on all sequences in schema public to ${APP_ROLE}`));
    }
  }
  return app && whole;
}

/** Runs `fn` with a database that sees one workspace only, in one transaction. */
export type WorkspaceScope = <T>(workspaceId: string, fn: (db: Db) => Promise<T>) => Promise<T>;

/**
 * How a hosted server scopes a request to its workspace, or undefined on PGlite (no policies).
 * Refuses a server whose user would skip the policies (superuser or BYPASSRLS) and cannot switch
 * to `rapport_app`.
 */
export async function workspaceScope(handle: DbHandle): Promise<WorkspaceScope | undefined> {
  if (handle.engine !== 'postgres') return undefined;
  const [me] = rows<{ privileged: boolean; member: boolean }>(
    await handle.db.execute(sql`
      select (r.rolsuper or r.rolbypassrls) as privileged,
             coalesce(pg_has_role(current_user, (select oid from pg_roles where rolname = ${APP_ROLE}), 'MEMBER'), false) as member
        from pg_roles r where r.rolname = current_user`),
  );
  const switchRole = Boolean(me?.member);
  if (me?.privileged && !switchRole) {
    throw new Error(
      `Hosted mode keeps workspaces apart with row-level security, which PostgreSQL does not apply to a superuser or a BYPASSRLS role. Create the role ${APP_ROLE} (CREATE ROLE ${APP_ROLE} NOLOGIN) and grant it to the server's user, or connect as an ordinary user that owns the database.`,
    );
  }
  return (workspaceId, fn) => inWorkspace(handle.db, workspaceId, fn, { switchRole });
}

/**
 * One transaction that sees `workspaceId`'s rows and no others. The database handed to `fn` stops
 * working when the transaction ends: a query after that (a stream read late) fails loudly rather
 * than running on a connection another request now holds.
 */
export async function inWorkspace<T>(
  db: Db,
  workspaceId: string,
  fn: (db: Db) => Promise<T>,
  opts: { switchRole: boolean },
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      opts.switchRole
        ? sql`select set_config('rapport.all_workspaces', 'off', true), set_config('rapport.workspace_id', ${workspaceId}, true), set_config('role', ${APP_ROLE}, true)`
        : sql`select set_config('rapport.all_workspaces', 'off', true), set_config('rapport.workspace_id', ${workspaceId}, true)`,
    );
    let open = true;
    const scoped = new Proxy(tx as unknown as Db, {
      get(target, key, receiver) {
        if (!open) throw new Error("A request's database was used after its transaction ended.");
        return Reflect.get(target, key, receiver);
      },
    });
    try {
      return await fn(scoped);
    } finally {
      open = false;
    }
  });
}
