/**
 * Issue 14, speed where users feel it: the People box, the lists, a save and the first answer
 * after a restart, at 50,000 people through the running server, on the embedded database and (when
 * BENCH_DATABASE_URL names a PostgreSQL server) on PostgreSQL with the same generated data. Also
 * the web app's weight (entry script, bytes of one People page load, time until the list shows in
 * Chromium) and the data folder's size beside the PostgreSQL database's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { watchStatements } from '../src/db/pglite-prepared.js';
import { listOrganizations } from '../src/services/organizations/organizations.js';
import { listPeople } from '../src/services/people/people.js';
import { ensureDefaultWorkspace } from '../src/services/settings/workspaces.js';
import { generateWorkspace, seedDataFolder } from './generate.js';
import { count, type Figure, median, megabytes, millis, progress, quantile, seconds } from './report.js';
import { httpGet, httpPost, repoRoot, type ServerProcess, startServerProcess } from './server-process.js';

const GOALS = {
  filterP50: 8,
  filterP95: 20,
  listP50: 8,
  readP50: 3,
  mixedP95: 60,
  restartMs: 1000,
  entryGzip: 100 * 1024,
  visibleMs: 400,
  folderRatio: 1.5,
};

interface Timed {
  status: number;
  ms: number;
  body: string;
}

async function get(url: string, agent: http.Agent | false): Promise<Timed> {
  const t0 = performance.now();
  const res = await httpGet(url, agent, 60_000);
  return { ...res, ms: performance.now() - t0 };
}

async function post(url: string, body: unknown, agent: http.Agent): Promise<Timed> {
  const t0 = performance.now();
  const res = await httpPost(url, body, agent);
  return { ...res, ms: performance.now() - t0 };
}

/** p50 and p95 of `n` sequential calls, after `warm` calls not counted. */
async function timeSequential(n: number, warm: number, call: (i: number) => Promise<Timed>) {
  for (let i = 0; i < warm; i++) await call(i);
  const ms: number[] = [];
  let last: Timed | undefined;
  for (let i = 0; i < n; i++) {
    last = await call(i);
    if (last.status >= 400) throw new Error(`HTTP ${last.status}: ${last.body.slice(0, 200)}`);
    ms.push(last.ms);
  }
  const sorted = ms.sort((a, b) => a - b);
  return { p50: median(sorted), p95: quantile(sorted, 0.95), last: last! };
}

function totalOf(body: string): string {
  const parsed = JSON.parse(body) as { total: number; totalIsCapped?: boolean };
  return parsed.totalIsCapped ? `more than ${count(parsed.total)}` : count(parsed.total);
}

interface Terms {
  selective: string;
  broad: string;
  email: string;
  organization: string;
}

/** Terms taken from the generated people: a full name (about ten people share each), a common word, an e-mail, an organization. */
async function pickTerms(url: string, agent: http.Agent): Promise<Terms> {
  const page = JSON.parse((await get(`${url}/api/people?limit=200&offset=20000`, agent)).body) as {
    items: { fullName: string; email: string | null; organizationName: string | null }[];
  };
  const withEmail = page.items.find((p) => p.email)!;
  const withOrg = page.items.find((p) => p.organizationName)!;
  return {
    selective: page.items[0]!.fullName,
    broad: 'engineer',
    email: withEmail.email!.split('@')[0]!,
    organization: withOrg.organizationName!,
  };
}

/** The request figures on one running server (embedded or PostgreSQL). */
async function measureRequests(
  engine: string,
  url: string,
  personIds: string[],
  opts: { samples: number; mixed: number },
): Promise<Figure[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const figures: Figure[] = [];
  try {
    const terms = await pickTerms(url, agent);
    const n = opts.samples;
    const filter = async (label: string, q: string) => {
      const path = `/api/people?q=${encodeURIComponent(q)}&limit=100`;
      const r = await timeSequential(n, 3, () => get(url + path, agent));
      figures.push({
        label: `${engine}: People filter, ${label} p50 / p95`,
        value: `${millis(r.p50)} / ${millis(r.p95)}`,
        goal: `≤ ${GOALS.filterP50} / ${GOALS.filterP95} ms`,
        withinGoal: r.p50 <= GOALS.filterP50 && r.p95 <= GOALS.filterP95,
        detail: `q="${q}": ${totalOf(r.last.body)} found; ${n} requests one after another`,
      });
    };
    progress(`${engine}: people filters`);
    await filter('selective (a full name)', terms.selective);
    await filter('broad (a title word)', terms.broad);
    await filter('by e-mail', terms.email);
    await filter('by organization', terms.organization);

    progress(`${engine}: first pages and reads`);
    const first = await timeSequential(n, 3, () => get(`${url}/api/people?limit=100`, agent));
    figures.push({
      label: `${engine}: People list, first 100 by name p50 / p95`,
      value: `${millis(first.p50)} / ${millis(first.p95)}`,
      goal: `p50 ≤ ${GOALS.listP50} ms`,
      withinGoal: first.p50 <= GOALS.listP50,
      detail: `total shown: ${totalOf(first.last.body)}`,
    });
    const orgs = await timeSequential(n, 3, () => get(`${url}/api/organizations?limit=100`, agent));
    figures.push({
      label: `${engine}: Organizations list, first 100 p50 / p95`,
      value: `${millis(orgs.p50)} / ${millis(orgs.p95)}`,
      goal: `p50 ≤ ${GOALS.listP50} ms`,
      withinGoal: orgs.p50 <= GOALS.listP50,
      detail: `total shown: ${totalOf(orgs.last.body)}`,
    });
    const read = await timeSequential(n * 2, 10, (i) =>
      get(`${url}/api/people/${personIds[(i * 7919) % personIds.length]}`, agent),
    );
    figures.push({
      label: `${engine}: Person page read p50 / p95`,
      value: `${millis(read.p50)} / ${millis(read.p95)}`,
      goal: `p50 ≤ ${GOALS.readP50} ms`,
      withinGoal: read.p50 <= GOALS.readP50,
    });

    progress(`${engine}: mixed workload, 16 in flight`);
    const kinds = [
      ['list', () => get(`${url}/api/people?limit=100`, agent)],
      ['filter', () => get(`${url}/api/people?q=${encodeURIComponent(terms.selective)}&limit=100`, agent)],
      ['broad filter', () => get(`${url}/api/people?q=${terms.broad}&limit=100`, agent)],
      [
        'read',
        () => get(`${url}/api/people/${personIds[Math.floor(Math.random() * personIds.length)]}`, agent),
      ],
      ['create', () => post(`${url}/api/people`, { fullName: `Mixed Load ${Math.random()}` }, agent)],
      ['Today', () => get(`${url}/api/agenda`, agent)],
    ] as const;
    const byKind = new Map<string, number[]>(kinds.map(([k]) => [k, []]));
    const all: number[] = [];
    const later: number[] = [];
    let issued = 0;
    let failures = 0;
    // The first 16 go out at once, on connections opened for them, and include this server's first
    // Today and first create (not warmed by the measurements above): they are reported apart.
    let firstBurstMax = 0;
    const worker = async () => {
      while (issued < opts.mixed) {
        const index = issued++;
        const [kind, call] = kinds[index % kinds.length]!;
        const t0 = performance.now();
        try {
          const r = await call();
          if (r.status >= 400) failures++;
        } catch {
          // A dropped connection counts as a failure with the time it took, not as the end of the run.
          failures++;
        }
        const ms = performance.now() - t0;
        byKind.get(kind)!.push(ms);
        if (index < 16) firstBurstMax = Math.max(firstBurstMax, ms);
        else later.push(ms);
        all.push(ms);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const sorted = all.sort((a, b) => a - b);
    const p95 = quantile(sorted, 0.95);
    const perKind = [...byKind]
      .map(([k, v]) => {
        const s = v.sort((a, b) => a - b);
        return `${k} ${millis(median(s))}/${millis(quantile(s, 0.95))}`;
      })
      .join(', ');
    figures.push({
      label: `${engine}: mixed workload, 16 in flight, p95`,
      value: millis(p95),
      goal: `≤ ${GOALS.mixedP95} ms`,
      withinGoal: p95 <= GOALS.mixedP95,
      detail: `p50 ${millis(median(sorted))}, max ${millis(sorted[sorted.length - 1]!)} (the first 16, sent at once: max ${millis(
        firstBurstMax,
      )}; the rest: max ${millis(Math.max(0, ...later))}); ${count(opts.mixed)} requests${
        failures ? `, ${failures} failed` : ''
      }; p50/p95 by kind: ${perKind}`,
    });
    return figures;
  } finally {
    agent.destroy();
  }
}

/**
 * The People box's and the lists' statements alone, on the folder before any server opens it: the
 * fastest of 10 runs of each (the statement's own cost, with little of the machine's other load),
 * and with `explain` their plans (EXPLAIN ANALYZE, BUFFERS) on stderr.
 */
export async function measureStatements(dataDir: string, explain: boolean): Promise<Figure[]> {
  const handle = await openPglite({ dataDir });
  try {
    const pglite = handle.pglite!;
    const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db);
    const ctx = { db: handle.db, workspaceId, userId, now: () => new Date() };
    const page = await listPeople({ ...ctx, limit: 200, offset: 20_000 });
    const cases: [string, () => Promise<unknown>][] = [
      ['selective filter', () => listPeople({ ...ctx, q: page.items[0]!.fullName })],
      ['broad filter', () => listPeople({ ...ctx, q: 'engineer' })],
      [
        'e-mail filter',
        () => listPeople({ ...ctx, q: page.items.find((p) => p.email)!.email!.split('@')[0] }),
      ],
      [
        'organization filter',
        () => listPeople({ ...ctx, q: page.items.find((p) => p.organizationName)!.organizationName! }),
      ],
      ['People list', () => listPeople({ ...ctx })],
      ['Organizations list', () => listOrganizations({ ...ctx })],
    ];
    const timings: string[] = [];
    for (const [label, run] of cases) {
      const captured: { sql: string; params?: unknown[] }[] = [];
      const stop = watchStatements(handle.db, (sql, params) => captured.push({ sql, params }));
      try {
        await run();
      } finally {
        stop();
      }
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        await run();
        best = Math.min(best, performance.now() - t0);
      }
      timings.push(
        `${label} ${millis(best)} (${captured.length} statement${captured.length === 1 ? '' : 's'})`,
      );
      if (explain) {
        for (const q of captured) {
          const plan = await pglite.query<Record<string, string>>(
            `explain (analyze, buffers) ${q.sql}`,
            q.params,
          );
          process.stderr.write(
            `\n--- ${label} ---\n${q.sql}\n${plan.rows.map((r) => Object.values(r)[0]).join('\n')}\n`,
          );
        }
      }
    }
    return [
      {
        label: 'embedded: the service alone, fastest of 10',
        value: timings[0]!.split(' (')[0]!.replace('selective filter ', ''),
        goal: '— (no HTTP, no queue)',
        detail: timings.join('; '),
      },
    ];
  } finally {
    await handle.close();
  }
}

/** Restarts on the folder: spawn → first answer, and the first People page right after. */
async function measureRestarts(dataDir: string, times: number): Promise<Figure[]> {
  const ready: number[] = [];
  const firstPage: number[] = [];
  for (let i = 0; i < times; i++) {
    progress(`restart ${i + 1} of ${times} on the 50,000-person folder`);
    const started = performance.now();
    const server = await startServerProcess(dataDir, { timeoutMs: 180_000 });
    const r = await get(`${server.url}/api/people?limit=100`, false);
    firstPage.push(performance.now() - started);
    ready.push(server.readyMs);
    if (r.status !== 200) throw new Error(`GET /api/people answered ${r.status}`);
    await server.stop();
  }
  const m = median(ready);
  const p = median(firstPage);
  return [
    {
      label: 'Restart to first answer (GET /api/workspace)',
      value: seconds(m),
      goal: `≤ ${seconds(GOALS.restartMs)}`,
      withinGoal: m <= GOALS.restartMs,
      detail: `median of ${times}: ${ready.map(seconds).join(', ')}`,
    },
    {
      label: 'Restart to the first People page',
      value: seconds(p),
      goal: `≤ ${seconds(GOALS.restartMs)}`,
      withinGoal: p <= GOALS.restartMs,
      detail: `median of ${times}: ${firstPage.map(seconds).join(', ')}`,
    },
  ];
}

/** Entry script size as sent, and one People page load in Chromium: bytes over the wire, time to the list. */
export async function measureWeb(url: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const html = await readFile(join(repoRoot(), 'dist/web/index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let gz = 0;
  for (const path of entries) {
    gz += gzipSync(await readFile(join(repoRoot(), 'dist/web', path))).length;
  }
  const jsOnly = entries.filter((p) => p.endsWith('.js'));
  let jsGz = 0;
  for (const path of jsOnly) jsGz += gzipSync(await readFile(join(repoRoot(), 'dist/web', path))).length;
  figures.push({
    label: 'Entry JS, gzip (script and modulepreloads in index.html)',
    value: `${(jsGz / 1024).toFixed(1)} KB`,
    goal: `≤ ${GOALS.entryGzip / 1024} KB`,
    withinGoal: jsGz <= GOALS.entryGzip,
    detail: `${jsOnly.length} script file(s); with CSS ${(gz / 1024).toFixed(1)} KB`,
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  try {
    const loads: { bytes: number; ms: number; requests: number }[] = [];
    // The first load is not counted: it warms the server (its caches, its prepared statements), as
    // the warm-up requests of the other figures do. Each load is a new browser context (no cache).
    for (let i = -1; i < 5; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      let bytes = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        bytes += e.encodedDataLength;
        requests++;
      });
      const t0 = performance.now();
      await page.goto(`${url}/people`);
      // Checked in the page at every frame: a locator's wait asks from here, backing off to 100 ms
      // and then 500 ms between looks, and a row that appeared just after one look was counted
      // up to 100 ms late (or more).
      await page.waitForFunction(
        () => (document.querySelector('table tbody tr')?.getBoundingClientRect().height ?? 0) > 0,
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = performance.now() - t0;
      await page.waitForLoadState('networkidle');
      if (i >= 0) loads.push({ bytes, ms, requests });
      await context.close();
    }
    const ms = median(loads.map((l) => l.ms));
    const bytes = median(loads.map((l) => l.bytes));
    figures.push(
      {
        label: 'People page: navigation → first row visible (Chromium)',
        value: millis(ms),
        goal: `≤ ${GOALS.visibleMs} ms`,
        withinGoal: ms <= GOALS.visibleMs,
        detail: `median of 5 fresh loads (no browser cache), after one not counted: ${loads.map((l) => millis(l.ms)).join(', ')}`,
      },
      {
        label: 'People page: bytes over the wire, fresh load',
        value: `${Math.round(bytes / 1024)} KB`,
        goal: '— (was about 630 KB)',
        detail: `${loads[0]?.requests} responses`,
      },
    );
  } finally {
    await browser.close();
  }
  return figures;
}

function folderBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

export async function benchPeopleList(opts: { people: number; samples: number; mixed: number }) {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-list-'));
  const dataDir = join(dir, 'data');
  const figures: Figure[] = [];
  let server: ServerProcess | undefined;
  try {
    progress(`people list: seeding ${count(opts.people)} people with conversations and messages`);
    // At rest, as a folder the server has kept for a while: vacuumed, with planner statistics. The
    // maintenance that gets it there runs when the app is idle, never in front of a request.
    const seeded = await seedDataFolder(dataDir, { people: opts.people, maintained: true });
    figures.push(...(await measureStatements(dataDir, process.env.BENCH_EXPLAIN === '1')));
    figures.push(...(await measureRestarts(dataDir, 3)));
    server = await startServerProcess(dataDir, { timeoutMs: 180_000 });
    // Maintenance runs a few seconds after a start; the figures are for the app at rest.
    await new Promise((r) => setTimeout(r, 8000));
    figures.push(...(await measureRequests('embedded', server.url, seeded.personIds, opts)));
    figures.push(...(await measureWeb(server.url)));
    await server.stop();
    server = undefined;
    const embeddedBytes = folderBytes(dataDir);

    const url = process.env.BENCH_DATABASE_URL;
    if (!url) {
      figures.push({
        label: 'Embedded data folder',
        value: megabytes(embeddedBytes),
        goal: '≤ 1.5 × PostgreSQL (set BENCH_DATABASE_URL)',
      });
      return figures;
    }
    const name = `rapport_bench_list_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      progress('people list: the same data on PostgreSQL');
      const handle = await openPostgres(dbUrl.toString());
      let personIds: string[];
      try {
        await migrate(handle);
        const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db);
        const generated = await generateWorkspace(
          { db: handle.db, workspaceId, userId, now: () => new Date() },
          { people: opts.people },
        );
        personIds = generated.personIds;
        await handle.db.execute(sql`vacuum analyze`);
      } finally {
        await handle.close();
      }
      const sizeRow = await admin.query(`select pg_database_size($1)::float8 as bytes`, [name]);
      const pgBytes = Number(sizeRow.rows[0].bytes);
      const ratio = embeddedBytes / pgBytes;
      figures.push({
        label: 'Embedded data folder / PostgreSQL database',
        value: `${ratio.toFixed(2)}x`,
        goal: `≤ ${GOALS.folderRatio}x`,
        withinGoal: ratio <= GOALS.folderRatio,
        detail: `${megabytes(embeddedBytes)} folder vs ${megabytes(pgBytes)} database (pg_database_size), same generated data`,
      });
      server = await startServerProcess(dataDir, { databaseUrl: dbUrl.toString(), timeoutMs: 180_000 });
      figures.push(...(await measureRequests('PostgreSQL', server.url, personIds, opts)));
      await server.stop();
      server = undefined;
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    return figures;
  } finally {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Only the web figures (entry script, the People page in Chromium) on a 50,000-person folder:
 * BENCH_ONLY=people-web. BENCH_PEOPLE_FOLDER names a folder to seed once and reuse on later runs,
 * so a change to the web app can be measured before and after on the same data.
 */
export async function benchPeopleWeb(opts: { people: number; folder?: string }): Promise<Figure[]> {
  const dir = opts.folder ? undefined : await mkdtemp(join(tmpdir(), 'rapport-bench-web-'));
  const dataDir = opts.folder ?? join(dir!, 'data');
  let server: ServerProcess | undefined;
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION')) && !existsSync(join(dataDir, 'db'))) {
      progress(`people web: seeding ${count(opts.people)} people in ${dataDir}`);
      await seedDataFolder(dataDir, { people: opts.people, maintained: true });
    }
    server = await startServerProcess(dataDir, { timeoutMs: 180_000 });
    // Maintenance runs a few seconds after a start; the figures are for the app at rest.
    await new Promise((r) => setTimeout(r, 8000));
    return await measureWeb(server.url);
  } finally {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
