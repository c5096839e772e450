/**
 * Hosted mode under load (issue 17's figures): many accounts with a full network each, in a
 * PostgreSQL database of the bench's own, served by two `serve --hosted` processes; concurrent
 * signed-in sessions do what people do all day (Today, lists, search, person pages, logging a
 * message) for a while. Every answer is checked for another account's records.
 *
 * BENCH_HOSTED_ACCOUNTS (100), BENCH_HOSTED_PEOPLE (2000 per account), BENCH_HOSTED_SESSIONS (30),
 * BENCH_HOSTED_SECONDS (120), BENCH_HOSTED_THINK_MS (1500: the mean pause of a session between two
 * requests, drawn evenly from half to one and a half times it; 0 makes every session a closed loop
 * that sends its next request the moment an answer comes, which measures capacity, not what 30
 * people feel), BENCH_HOSTED_DATABASE_URL (default: a database rapport_bench_hosted
 * beside BENCH_DATABASE_URL, or on 127.0.0.1 as rapport/rapport). The database is kept between
 * runs: accounts that sign in already are not made again (BENCH_HOSTED_FRESH=1 starts over).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Db, openPostgres } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { conversations, organizations, people } from '../src/db/schema.js';
import type { Ctx } from '../src/services/context.js';
import { generateWorkspace } from './generate.js';
import { count, type Figure, millis, progress, quantile } from './report.js';
import { cliPath, freePort, serverNodeArgs } from './server-process.js';

const HOST = '127.0.0.1';
const PASSWORD = 'bench password, long enough';
const SECRET = 'a bench secret that is long enough to sign the cookies';
const GOAL_P95_MS = 150;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const MARKER = /Benchmarker(\d+)Zq/g;

export interface HostedLoadOptions {
  accounts: number;
  peoplePerAccount: number;
  sessions: number;
  seconds: number;
  /** Mean pause between a session's requests, ms (a person reads a page before the next click). */
  thinkMs: number;
  databaseUrl?: string;
  fresh?: boolean;
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  return raw ? Number(raw) : fallback;
}

export function hostedLoadOptions(): HostedLoadOptions {
  return {
    accounts: envInt('BENCH_HOSTED_ACCOUNTS', 100),
    peoplePerAccount: envInt('BENCH_HOSTED_PEOPLE', 2000),
    sessions: envInt('BENCH_HOSTED_SESSIONS', 30),
    seconds: envInt('BENCH_HOSTED_SECONDS', 120),
    thinkMs: process.env.BENCH_HOSTED_THINK_MS === '0' ? 0 : envInt('BENCH_HOSTED_THINK_MS', 1500),
    databaseUrl: process.env.BENCH_HOSTED_DATABASE_URL,
    fresh: process.env.BENCH_HOSTED_FRESH === '1',
  };
}

/** The bench's own database: made when missing (dropped first with `fresh`). */
async function benchDatabase(opts: HostedLoadOptions): Promise<string> {
  if (opts.databaseUrl) return opts.databaseUrl;
  const server = new URL(
    process.env.BENCH_DATABASE_URL ?? 'postgres://rapport:rapport@127.0.0.1:5432/postgres',
  );
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    if (opts.fresh) await admin.query('drop database if exists rapport_bench_hosted with (force)');
    const found = await admin.query("select 1 from pg_database where datname = 'rapport_bench_hosted'");
    if (!found.rowCount) await admin.query('create database rapport_bench_hosted');
  } finally {
    await admin.end();
  }
  server.pathname = '/rapport_bench_hosted';
  return server.toString();
}

interface Server {
  base: string;
  host: string;
  pid: number;
  stop: () => Promise<void>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** `rapport serve --hosted` as a child process, behind a pretend proxy (addresses from the bench). */
async function startHosted(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const child = spawn(
    process.execPath,
    [
      ...serverNodeArgs(),
      cliPath(),
      'serve',
      '--hosted',
      '--public-url',
      base,
      '--host',
      HOST,
      '--port',
      String(port),
      '--trusted-proxy',
    ],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, RAPPORT_AUTH_SECRET: SECRET, PORT: '', HOST: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const gone = new Promise<void>((r) =>
    child.once('exit', () => {
      exited = true;
      children.delete(child);
      r();
    }),
  );
  const deadline = performance.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`A hosted server exited before answering:\n${output}`);
    if (performance.now() > deadline)
      throw new Error(`A hosted server did not answer in 2 minutes:\n${output}`);
    const res = await request(
      new http.Agent(),
      { base, host: `${HOST}:${port}`, pid: 0, stop: async () => {} },
      'GET',
      '/api/session',
    ).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    host: `${HOST}:${port}`,
    pid: child.pid!,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await gone;
    },
  };
}

interface Answer {
  status: number;
  body: string;
  cookies: string[];
}

/**
 * One request. A kept-alive connection the server closed while it sat idle (Node closes them
 * after 5 s) fails at once with ECONNRESET: that request is sent again on a new connection, as
 * browsers do; any other failure counts.
 */
async function request(
  agent: http.Agent,
  server: Server,
  method: string,
  path: string,
  opts: { body?: unknown; cookie?: string; address?: string } = {},
): Promise<Answer> {
  try {
    return await requestOnce(agent, server, method, path, opts);
  } catch (err) {
    if ((err as { reusedSocket?: boolean }).reusedSocket)
      return requestOnce(agent, server, method, path, opts);
    throw err;
  }
}

function requestOnce(
  agent: http.Agent,
  server: Server,
  method: string,
  path: string,
  opts: { body?: unknown; cookie?: string; address?: string },
): Promise<Answer> {
  const data = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.base}${path}`,
      {
        method,
        agent,
        headers: {
          host: server.host,
          origin: server.base,
          ...(opts.address ? { 'x-forwarded-for': opts.address } : {}),
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            cookies: res.headers['set-cookie'] ?? [],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        req.reusedSocket && err.code === 'ECONNRESET' ? Object.assign(err, { reusedSocket: true }) : err,
      );
    });
    req.end(data);
  });
}

interface Account {
  index: number;
  email: string;
  address: string;
  cookie: string;
  workspaceId: string;
  personIds: string[];
}

function cookieOf(answer: Answer): string {
  return answer.cookies.map((c) => c.split(';')[0]).join('; ');
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Milliseconds this database has spent running statements (PostgreSQL 14 and later). */
async function databaseActiveMs(db: Db): Promise<number> {
  // The statistics are read as of the transaction's start; a fresh snapshot each time.
  await db.execute(sql`select pg_stat_clear_snapshot()`);
  const result = (await db.execute(
    sql`select active_time from pg_stat_database where datname = current_database()`,
  )) as unknown as { rows: { active_time: number }[] };
  return Number(result.rows[0]?.active_time ?? 0);
}

/** CPU seconds the whole machine has spent busy (every process: PostgreSQL, others' work), from /proc/stat. */
function machineCpuSeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user, nice, system, idle, iowait, irq, softirq, steal
  return (fields[0]! + fields[1]! + fields[2]! + fields[5]! + fields[6]! + fields[7]!) / 100;
}

export async function benchHostedLoad(opts: HostedLoadOptions = hostedLoadOptions()): Promise<Figure[]> {
  const url = await benchDatabase(opts);
  // Migrate once here, so the two servers start together on a ready database.
  const handle = await openPostgres(url, { max: 4 });
  await migrate(handle);
  const servers = [await startHosted(url), await startHosted(url)];
  const figures: Figure[] = [];
  try {
    const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const accounts: Account[] = [];
    const owner = new Map<string, number>();
    const t0 = performance.now();
    let generated = 0;
    for (let i = 0; i < opts.accounts; i++) {
      const email = `bench-${i}@example.org`;
      const address = `10.${(i >> 8) & 255}.${i & 255}.1`;
      const server = servers[i % 2]!;
      let answer = await request(setupAgent, server, 'POST', '/api/auth/sign-in/email', {
        body: { email, password: PASSWORD },
        address,
      });
      const isNew = answer.status !== 200;
      if (isNew) {
        answer = await request(setupAgent, server, 'POST', '/api/auth/sign-up/email', {
          body: { email, password: PASSWORD, name: `Bench ${i}` },
          address,
        });
        if (answer.status !== 200)
          throw new Error(`sign-up ${email}: ${answer.status} ${answer.body.slice(0, 200)}`);
      }
      const cookie = cookieOf(answer);
      const found = await handle.db.execute(
        sql`select m.workspace_id, m.user_id from workspace_members m join auth_user u on u.id = m.auth_user_id where u.email = ${email}`,
      );
      const { workspace_id: workspaceId, user_id: userId } = (
        found as unknown as { rows: { workspace_id: string; user_id: string }[] }
      ).rows[0]!;
      if (isNew) {
        const ctx: Ctx = { db: handle.db, workspaceId, userId, now: () => new Date() };
        await generateWorkspace(ctx, { people: opts.peoplePerAccount, seed: i + 1 });
        // A name only this account has: any answer to another account that holds it is a leak.
        await request(setupAgent, server, 'POST', '/api/people', {
          body: { fullName: `Benchmarker${i}Zq Marker` },
          cookie,
          address,
        });
        generated++;
      }
      const ids = (
        (await handle.db.execute(
          sql`select id from ${people} where workspace_id = ${workspaceId}`,
        )) as unknown as {
          rows: { id: string }[];
        }
      ).rows.map((r) => r.id);
      accounts.push({ index: i, email, address, cookie, workspaceId, personIds: ids });
      for (const id of ids) owner.set(id, i);
      if ((i + 1) % 10 === 0)
        progress(`  accounts ready: ${i + 1}/${opts.accounts} (${generated} generated)`);
    }
    for (const table of [organizations, conversations]) {
      const rows = (await handle.db.execute(sql`select id, workspace_id from ${table}`)) as unknown as {
        rows: { id: string; workspace_id: string }[];
      };
      const byWorkspace = new Map(accounts.map((a) => [a.workspaceId, a.index]));
      for (const r of rows.rows) {
        const idx = byWorkspace.get(r.workspace_id);
        if (idx !== undefined) owner.set(r.id, idx);
      }
    }
    await handle.db.execute(sql`analyze`);
    const setupMs = performance.now() - t0;
    setupAgent.destroy();

    // The load: `sessions` accounts spread over the hundred, each a closed loop of requests.
    const latencies = new Map<string, number[]>();
    let errors = 0;
    let crossTenant = 0;
    const errorSamples: string[] = [];
    const stopAt = performance.now() + opts.seconds * 1000;
    const activeBefore = await databaseActiveMs(handle.db);
    const cpuBefore = {
      servers: servers.map((s) => cpuSeconds(s.pid)),
      machine: machineCpuSeconds(),
      load: loadavg()[0]!,
      bench: process.cpuUsage(),
    };
    const words = ['ana', 'eng', 'man', 'son', 'lee', 'dir'];
    const session = async (k: number) => {
      const account = accounts[Math.floor((k * opts.accounts) / opts.sessions)]!;
      const agents = servers.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
      let n = 0;
      const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
      while (performance.now() < stopAt) {
        const person = pick(account.personIds);
        const r = Math.random();
        const [kind, method, path, body]: [string, string, string, unknown?] =
          r < 0.15
            ? ['today', 'GET', '/api/agenda']
            : r < 0.3
              ? ['people list', 'GET', `/api/people?limit=50&offset=${50 * Math.floor(Math.random() * 10)}`]
              : r < 0.4
                ? ['conversations list', 'GET', '/api/conversations']
                : r < 0.45
                  ? ['tasks list', 'GET', '/api/tasks']
                  : r < 0.6
                    ? ['search', 'GET', `/api/search?q=${pick(words)}`]
                    : r < 0.75
                      ? ['person page', 'GET', `/api/people/${person}`]
                      : r < 0.9
                        ? ['person timeline', 'GET', `/api/people/${person}/timeline`]
                        : [
                            'log message',
                            'POST',
                            '/api/messages',
                            { personId: person, direction: 'out', channel: 'email', purpose: 'other' },
                          ];
        const which = n++ % 2;
        const started = performance.now();
        let answer: Answer;
        try {
          answer = await request(agents[which]!, servers[which]!, method, path, {
            body,
            cookie: account.cookie,
            address: account.address,
          });
        } catch (err) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${kind}: ${String(err)}`);
          continue;
        }
        const took = performance.now() - started;
        (latencies.get(kind) ?? latencies.set(kind, []).get(kind)!).push(took);
        if (answer.status >= 400) {
          errors++;
          if (errorSamples.length < 5)
            errorSamples.push(`${kind}: ${answer.status} ${answer.body.slice(0, 120)}`);
        }
        const foreign = (answer.body.match(UUID) ?? []).some((id) => {
          const o = owner.get(id);
          return o !== undefined && o !== account.index;
        });
        const marked = [...answer.body.matchAll(MARKER)].some((m) => Number(m[1]) !== account.index);
        if (foreign || marked) crossTenant++;
        if (opts.thinkMs > 0) {
          const pause = opts.thinkMs * (0.5 + Math.random());
          await new Promise((r) => setTimeout(r, Math.min(pause, Math.max(0, stopAt - performance.now()))));
        }
      }
      for (const a of agents) a.destroy();
    };
    const loadStarted = performance.now();
    await Promise.all(Array.from({ length: opts.sessions }, (_, k) => session(k)));
    const loadMs = performance.now() - loadStarted;
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const serverCpu = servers.reduce((s, srv, i) => s + cpuSeconds(srv.pid) - cpuBefore.servers[i]!, 0);
    const machineCpu = machineCpuSeconds() - cpuBefore.machine;
    const clientCpu = (benchCpu.user + benchCpu.system) / 1e6;
    const activeMs = (await databaseActiveMs(handle.db)) - activeBefore;

    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    const p95 = quantile(all, 0.95);
    figures.push(
      {
        label: 'setup',
        value: `${(setupMs / 1000).toFixed(0)} s`,
        goal: '—',
        detail: `${opts.accounts} accounts × ${count(opts.peoplePerAccount)} people (${generated} generated this run)`,
      },
      {
        label: 'requests',
        value: count(all.length),
        goal: '—',
        detail: `${opts.sessions} sessions for ${(loadMs / 1000).toFixed(0)} s, two server processes, ${opts.thinkMs ? `a pause of ${opts.thinkMs / 2}–${(opts.thinkMs * 3) / 2} ms between a session's requests` : 'no pause between requests (capacity)'}; ${(all.length / (loadMs / 1000)).toFixed(0)} requests/s`,
      },
      {
        label: 'errors',
        value: count(errors),
        goal: '0',
        withinGoal: errors === 0,
        ...(errorSamples.length ? { detail: errorSamples.join(' | ') } : {}),
      },
      { label: 'cross-tenant reads', value: count(crossTenant), goal: '0', withinGoal: crossTenant === 0 },
      {
        label: 'p95 per request, all kinds',
        value: millis(p95),
        goal: `≤ ${GOAL_P95_MS} ms`,
        withinGoal: p95 <= GOAL_P95_MS,
        detail: `p50 ${millis(quantile(all, 0.5))}, p99 ${millis(quantile(all, 0.99))}, max ${millis(all.at(-1) ?? 0)}`,
      },
    );
    for (const [kind, values] of [...latencies].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = values.sort((a, b) => a - b);
      const kp95 = quantile(sorted, 0.95);
      figures.push({
        label: `  ${kind}`,
        value: millis(kp95),
        goal: `≤ ${GOAL_P95_MS} ms`,
        withinGoal: kp95 <= GOAL_P95_MS,
        detail: `p50 ${millis(quantile(sorted, 0.5))}, ${count(sorted.length)} requests`,
      });
    }
    const sumMs = all.reduce((a, b) => a + b, 0);
    figures.push({
      label: 'time in PostgreSQL per request',
      value: millis(activeMs / Math.max(1, all.length)),
      goal: '—',
      detail: `statements running (pg_stat_database.active_time) ${(activeMs / 1000).toFixed(0)} s of ${(sumMs / 1000).toFixed(0)} s spent waiting for answers (${((100 * activeMs) / Math.max(1, sumMs)).toFixed(0)}%); the rest is the servers and queueing for CPU or a connection`,
    });
    figures.push({
      label: 'CPU time during the load',
      value: `${machineCpu.toFixed(0)} s`,
      goal: '—',
      detail:
        `of ${((loadMs / 1000) * cpus().length).toFixed(0)} core-seconds: the two servers ${serverCpu.toFixed(0)} s, ` +
        `the load client ${clientCpu.toFixed(0)} s, PostgreSQL and everything else on the machine ` +
        `${(machineCpu - serverCpu - clientCpu).toFixed(0)} s; load average ${cpuBefore.load.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
    });
  } finally {
    for (const s of servers) await s.stop();
    await handle.close();
  }
  return figures;
}
