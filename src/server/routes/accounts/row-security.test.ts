/**
 * Row-level security, the second line of isolation (db/rls.ts): on PostgreSQL a hosted request's
 * queries see its own workspace's rows even when a service forgets to filter by workspace.
 * Local mode on PGlite has no policies, and sees every row as it always did.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostedTestApi, PUBLIC_URL, type Visitor } from '../../../../test/hosted.js';
import { workspaceScope } from '../../../db/rls.js';

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
let a: Visitor;
let b: Visitor;
const postgres = Boolean(process.env.TEST_DATABASE_URL);

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

beforeAll(async () => {
  h = await openHostedTestApi({
    // A route that forgot its workspace filter: every person, and who the database thinks we are.
    beforeRoutes: (app) => {
      app.get('/api/forgetful/people', async (c) => {
        const db = c.var.ctx.db;
        const people = rows<{ full_name: string }>(await db.execute(sql`select full_name from people`));
        const workspaces = rows<{ name: string }>(await db.execute(sql`select name from workspaces`));
        return c.json({ people: people.map((p) => p.full_name), workspaces: workspaces.map((w) => w.name) });
      });
      app.post('/api/forgetful/people/:workspaceId', async (c) => {
        await c.var.ctx.db.execute(
          sql`insert into people (workspace_id, full_name, created_at, updated_at) values (${c.req.param('workspaceId')}, 'Planted Person', now(), now())`,
        );
        return c.json({ ok: true });
      });
      app.post('/api/forgetful/rename-all', async (c) => {
        const renamed = rows(
          await c.var.ctx.db.execute(sql`update people set full_name = 'Renamed' returning id`),
        );
        return c.json({ renamed: renamed.length });
      });
    },
  });
  a = h.visitor();
  b = h.visitor();
  await a.signUp('rls-a@example.org');
  await b.signUp('rls-b@example.org');
  for (const [v, name] of [
    [a, 'Zephyrine Quillfeather'],
    [b, 'Bartholomew Brown'],
  ] as const) {
    const res = await v.send('POST', '/api/people', { fullName: name });
    expect(res.status).toBe(201);
  }
}, 120_000);
afterAll(() => h.t.close());

async function workspaceOf(email: string): Promise<string> {
  const found = rows<{ workspace_id: string }>(
    await h.t.handle.db.execute(
      sql`select m.workspace_id from workspace_members m join auth_user u on u.id = m.auth_user_id where u.email = ${email}`,
    ),
  );
  return found[0]!.workspace_id;
}

describe('row-level security on a hosted server', () => {
  it("keeps a query that forgot its workspace filter inside the request's workspace", async () => {
    const res = await b.send('GET', '/api/forgetful/people');
    expect(res.status).toBe(200);
    const seen = (await res.json()) as { people: string[]; workspaces: string[] };
    expect(seen.people).toContain('Bartholomew Brown');
    if (postgres) {
      expect(seen.people).not.toContain('Zephyrine Quillfeather');
      expect(seen.workspaces).toEqual(["rls-b's workspace"]);
    } else {
      // PGlite: no policies; the services' own filters are the one line (isolation.test.ts).
      expect(await workspaceScope(h.t.handle)).toBeUndefined();
      expect(seen.people).toContain('Zephyrine Quillfeather');
    }
  });

  it('refuses, on PostgreSQL, to write into another workspace or change its rows', async () => {
    const aWorkspace = await workspaceOf('rls-a@example.org');
    const planted = await b.send('POST', `/api/forgetful/people/${aWorkspace}`);
    const renamed = await b.send('POST', '/api/forgetful/rename-all');
    const aPeople = await (await a.send('GET', '/api/people')).text();
    if (postgres) {
      expect(planted.status).toBe(500);
      expect(((await renamed.json()) as { renamed: number }).renamed).toBe(1);
      expect(aPeople).toContain('Zephyrine Quillfeather');
      expect(aPeople).not.toContain('Planted Person');
      expect(await (await b.send('GET', '/api/people')).text()).toContain('Renamed');
    } else {
      // PGlite has no second line: the forgetful route reaches A (which is why services filter).
      expect(planted.status).toBe(200);
      expect(((await renamed.json()) as { renamed: number }).renamed).toBe(3);
      expect(aPeople).toContain('Renamed');
    }
  });

  it('keeps a streamed answer working: the transaction lasts until the stream ends', async () => {
    const form = new FormData();
    const cards = Array.from(
      { length: 30 },
      (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Streamed Person ${i}\r\nEND:VCARD\r\n`,
    ).join('');
    form.set('file', new File([cards], 'contacts.vcf', { type: 'text/vcard' }));
    const res = await h.app.request(`${PUBLIC_URL}/api/imports/vcard`, {
      method: 'POST',
      headers: {
        host: new URL(PUBLIC_URL).host,
        origin: PUBLIC_URL,
        accept: 'application/x-ndjson',
        'x-forwarded-for': '198.51.100.200',
        cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: form,
    });
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; summary?: { created?: number } });
    expect(lines.at(-1)?.type).toBe('result');
    const people = await (await b.send('GET', '/api/people?limit=100')).text();
    expect(people).toContain('Streamed Person 29');
    expect(await (await a.send('GET', '/api/people?limit=100')).text()).not.toContain('Streamed Person');
  });

  it('puts every table with a workspace under its policy, on PostgreSQL', async () => {
    const tables = rows<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
      await h.t.handle.db.execute(sql`
        select c.relname as "table", c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
               (select count(*)::int from pg_policies p where p.tablename = c.relname) as policies
          from pg_class c join information_schema.columns col
            on col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'workspace_id'
         where c.relkind = 'r' and c.relname <> 'workspace_members'`),
    );
    expect(tables.length).toBeGreaterThan(25);
    const unprotected = tables.filter((t) => !(t.enabled && t.forced && t.policies > 0)).map((t) => t.table);
    expect(unprotected).toEqual(postgres ? [] : tables.map((t) => t.table));
  });
});
