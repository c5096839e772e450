/**
 * The Today agenda on a full workspace: a data folder is seeded with people, conversations, the
 * outreach log and tasks, then the agenda is computed over and over, in-process (the service
 * call) and over HTTP (GET /api/agenda on a spawned server, one request at a time).
 *
 * PGlite has no autovacuum, so nothing ever runs ANALYZE on a user's database unless the app does.
 * Both ways are therefore measured twice: on the folder as written, and after ANALYZE.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../src/db/client.js';
import { acquireLock } from '../src/db/lock.js';
import { type AgendaItem, todayAgenda } from '../src/services/agenda.js';
import type { Ctx } from '../src/services/context.js';
import { ensureDefaultWorkspace } from '../src/services/workspaces.js';
import { defaultSizes, seedDataFolder } from './generate.js';
import { atMostSeconds, count, type Figure, millis, progress, quantile, seconds } from './report.js';
import { httpGet, type ServerProcess, startServerProcess } from './server-process.js';

/** The goal for the agenda; seeding has a budget so the benchmark stays quick to run. */
const GOALS = { p95Ms: 50, seedMs: 40_000 };

export interface AgendaOptions {
  people: number;
  /** Timed agenda computations, each way. */
  calls: number;
  /** Computations first, not counted (JIT, database caches, prepared plans). */
  warmup: number;
  /** Print each agenda query's EXPLAIN ANALYZE to stderr. */
  explain: boolean;
}

type QueryFn = (query: string, params?: unknown[], options?: unknown) => Promise<unknown>;

interface CapturedQuery {
  label: string;
  sql: string;
  params: unknown[];
}

/** Short names for the agenda's queries, recognized by their SQL (src/services/agenda.ts). */
const QUERY_LABELS: [RegExp, string][] = [
  [/from "workspaces"/, 'settings (workspace)'],
  [/from "users"/, 'settings (user)'],
  [/from "meetings" inner join "conversations"/, 'meetings today/tomorrow'],
  [/from "conversations" inner join "meetings"/, 'thank-yous'],
  [/max\(h\.at\)/, 'follow-ups: open requests'],
  [/from "conversation_status_history" inner join/, 'follow-ups: other requests at the orgs'],
  [/from "tasks"/, 'tasks'],
  [/from "people"/, 'keep in touch'],
  [/from "reminder_states"/, 'reminder states'],
];

function labelOf(sql: string): string {
  return QUERY_LABELS.find(([re]) => re.test(sql))?.[1] ?? sql.replace(/\s+/g, ' ').slice(0, 50);
}

/** The SQL and parameters of every query one agenda computation sends, in order. */
async function captureQueries(pglite: PGlite, ctx: Ctx): Promise<CapturedQuery[]> {
  const target = pglite as unknown as { query: QueryFn };
  const original = target.query;
  const captured: CapturedQuery[] = [];
  target.query = (query, params, options) => {
    captured.push({ label: labelOf(query), sql: query, params: params ?? [] });
    return original.call(pglite, query, params, options);
  };
  try {
    await todayAgenda(ctx);
  } finally {
    target.query = original;
  }
  return captured;
}

function percentiles(latencies: number[]): { p50: number; p95: number; max: number } {
  const sorted = Float64Array.from(latencies).sort();
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1]! };
}

function itemsByKind(items: AgendaItem[]): string {
  const kinds = new Map<string, number>();
  for (const i of items) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
  return [...kinds].map(([k, n]) => `${k} ${count(n)}`).join(', ');
}

interface InProcessResult {
  firstMs: number;
  latencies: number[];
  items: AgendaItem[];
  /** Each agenda query run alone, sequentially: the fastest of a few runs, in milliseconds. */
  perQuery: { label: string; ms: number }[];
  /** One-minute load average right after the timed calls (other work skews the figures). */
  load: number;
}

/** Opens the folder in this process and times `todayAgenda` directly. */
async function measureInProcess(
  dataDir: string,
  opts: AgendaOptions,
  phase: string,
): Promise<InProcessResult> {
  const lock = acquireLock(dataDir);
  const handle = await openPglite({ dataDir }).catch((err: unknown) => {
    lock.release();
    throw err;
  });
  try {
    const pglite = handle.pglite!;
    const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db);
    const ctx: Ctx = { db: handle.db, workspaceId, userId, now: () => new Date() };
    progress(`agenda (${phase}): in-process, ${opts.warmup} warm-up and ${opts.calls} timed calls`);
    let t0 = performance.now();
    let result = await todayAgenda(ctx);
    const firstMs = performance.now() - t0;
    for (let i = 1; i < opts.warmup; i++) await todayAgenda(ctx);
    const latencies: number[] = [];
    for (let i = 0; i < opts.calls; i++) {
      t0 = performance.now();
      result = await todayAgenda(ctx);
      latencies.push(performance.now() - t0);
    }
    const load = loadavg()[0] ?? 0;

    const queries = await captureQueries(pglite, ctx);
    const perQuery: { label: string; ms: number }[] = [];
    for (const q of queries) {
      // The fastest of 10 runs: the query's own cost, with little of the machine's other load.
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 10; i++) {
        t0 = performance.now();
        await pglite.query(q.sql, q.params);
        best = Math.min(best, performance.now() - t0);
      }
      perQuery.push({ label: q.label, ms: best });
      if (opts.explain) {
        const plan = await pglite.query<Record<string, string>>(
          `explain (analyze, buffers) ${q.sql}`,
          q.params,
        );
        const lines = plan.rows.map((r) => Object.values(r)[0]);
        process.stderr.write(`\n--- ${q.label} (${phase}) ---\n${q.sql}\n${lines.join('\n')}\n`);
      }
    }
    return { firstMs, latencies, items: result.items, perQuery, load };
  } finally {
    await handle.close();
    lock.release();
  }
}

interface HttpResultSummary {
  latencies: number[];
  load: number;
  items: number;
  bytes: number;
}

/** Starts the built server on the folder and times GET /api/agenda, one request at a time. */
async function measureHttp(dataDir: string, opts: AgendaOptions, phase: string): Promise<HttpResultSummary> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let server: ServerProcess | undefined;
  try {
    progress(`agenda (${phase}): starting the server`);
    server = await startServerProcess(dataDir);
    const url = `${server.url}/api/agenda`;
    const get = async () => {
      const res = await httpGet(url, agent, 60_000);
      if (res.status !== 200)
        throw new Error(`GET /api/agenda answered ${res.status}: ${res.body.slice(0, 300)}`);
      return res;
    };
    progress(`agenda (${phase}): ${opts.warmup} warm-up and ${opts.calls} sequential GET /api/agenda`);
    let last = await get();
    for (let i = 1; i < opts.warmup; i++) await get();
    const latencies: number[] = [];
    for (let i = 0; i < opts.calls; i++) {
      const t0 = performance.now();
      last = await get();
      latencies.push(performance.now() - t0);
    }
    const load = loadavg()[0] ?? 0;
    const body = JSON.parse(last.body) as { items: unknown[] };
    return { latencies, load, items: body.items.length, bytes: Buffer.byteLength(last.body) };
  } finally {
    agent.destroy();
    await server?.stop();
  }
}

/** Runs ANALYZE on the whole folder, as the app would have to (PGlite has no autovacuum). */
async function analyzeFolder(dataDir: string): Promise<number> {
  const lock = acquireLock(dataDir);
  try {
    const handle = await openPglite({ dataDir });
    try {
      const t0 = performance.now();
      await handle.pglite!.exec('analyze');
      return performance.now() - t0;
    } finally {
      await handle.close();
    }
  } finally {
    lock.release();
  }
}

function phaseFigures(phase: string, local: InProcessResult, remote: HttpResultSummary): Figure[] {
  const a = percentiles(local.latencies);
  const b = percentiles(remote.latencies);
  const slowest = [...local.perQuery]
    .sort((x, y) => y.ms - x.ms)
    .map((q) => `${q.label} ${millis(q.ms)}`)
    .join(', ');
  const goal = `≤ ${GOALS.p95Ms} ms`;
  return [
    {
      label: `todayAgenda() in-process p50, ${phase}`,
      value: millis(a.p50),
      goal: '— (the goal is on p95)',
    },
    {
      label: `todayAgenda() in-process p95, ${phase}`,
      value: millis(a.p95),
      goal,
      withinGoal: a.p95 <= GOALS.p95Ms,
      detail:
        `${count(local.items.length)} items (${itemsByKind(local.items)}); first call ${millis(local.firstMs)}, ` +
        `max ${millis(a.max)}; ${local.latencies.length} calls\n` +
        `      each query run alone (fastest of 10): ${slowest}; load average ${local.load.toFixed(2)}`,
    },
    {
      label: `GET /api/agenda p50, ${phase}`,
      value: millis(b.p50),
      goal: '— (the goal is on p95)',
    },
    {
      label: `GET /api/agenda p95, ${phase}`,
      value: millis(b.p95),
      goal,
      withinGoal: b.p95 <= GOALS.p95Ms,
      detail:
        `${count(remote.items)} items, ${Math.round(remote.bytes / 1024)} KB; max ${millis(b.max)}; ` +
        `${remote.latencies.length} sequential requests on one kept-alive connection; load average ${remote.load.toFixed(2)}`,
    },
  ];
}

/** Seeds a full workspace and measures the Today agenda without and with ANALYZE. */
export async function benchAgenda(opts: AgendaOptions): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-agenda-'));
  const dataDir = join(dir, 'data');
  try {
    const sizes = defaultSizes(opts.people);
    progress(
      `agenda: generating ${count(opts.people)} people, ${count(sizes.conversations)} conversations, ` +
        `${count(sizes.messages)} messages, ${count(sizes.tasks)} tasks`,
    );
    const seeded = await seedDataFolder(dataDir, { people: opts.people });
    const seedMs = seeded.buildMs + seeded.insertMs;
    const rows = Object.values(seeded.counts).reduce((x, y) => x + y, 0);
    const slowTables = Object.entries(seeded.insertMsByTable)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 4)
      .map(([t, ms]) => `${t} ${seconds(ms)}`)
      .join(', ');
    const figures: Figure[] = [
      {
        label: 'Generate and insert the workspace',
        value: seconds(seedMs),
        goal: atMostSeconds(GOALS.seedMs),
        withinGoal: seedMs <= GOALS.seedMs,
        detail:
          `${count(rows)} rows: ${count(seeded.counts.people ?? 0)} people, ` +
          `${count(seeded.counts.conversations ?? 0)} conversations, ${count(seeded.counts.messages ?? 0)} messages, ` +
          `${count(seeded.counts.tasks ?? 0)} tasks, ${count(seeded.counts.meetings ?? 0)} meetings; ` +
          `build ${seconds(seeded.buildMs)}, insert ${seconds(seeded.insertMs)} (slowest: ${slowTables})`,
      },
    ];

    const before = 'no ANALYZE';
    figures.push(
      ...phaseFigures(
        before,
        await measureInProcess(dataDir, opts, before),
        await measureHttp(dataDir, opts, before),
      ),
    );

    progress('agenda: running ANALYZE on the folder');
    const analyzeMs = await analyzeFolder(dataDir);
    figures.push({
      label: 'ANALYZE, whole database (run once here)',
      value: seconds(analyzeMs),
      goal: '—',
      detail: 'PGlite has no autovacuum: without it the planner never gets statistics on a user’s folder',
    });
    const after = 'after ANALYZE';
    figures.push(
      ...phaseFigures(
        after,
        await measureInProcess(dataDir, opts, after),
        await measureHttp(dataDir, opts, after),
      ),
    );
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
