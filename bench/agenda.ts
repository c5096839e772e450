/**
 * The Today agenda on a full workspace: a data folder is seeded with people, conversations, the
 * outreach log and tasks, then the agenda is computed over and over, in-process (the service
 * call) and over HTTP (GET /api/agenda on a spawned server, one request at a time).
 *
 * PGlite has no autovacuum, so nothing ever runs ANALYZE on a user's database unless the app does.
 * Both ways are therefore measured on two copies of the folder, as written and after ANALYZE,
 * alternating between them so that other work on the machine weighs on both alike.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../src/db/client.js';
import { acquireLock } from '../src/db/lock.js';
import { migrate } from '../src/db/migrate.js';
import { watchStatements } from '../src/db/pglite-prepared.js';
import { AGENDA_GROUP_CAP, type AgendaItem, todayAgenda } from '../src/services/agenda/agenda.js';
import type { Ctx } from '../src/services/context.js';
import { ensureDefaultWorkspace } from '../src/services/settings/workspaces.js';
import { defaultSizes, seedDataFolder } from './generate.js';
import { atMostSeconds, count, type Figure, millis, progress, quantile, seconds } from './report.js';
import { type HttpResult, httpGet, type ServerProcess, startServerProcess } from './server-process.js';

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
  /**
   * Where to keep the seeded folder (BENCH_AGENDA_FOLDER) and copy it from on later runs, since
   * seeding takes one to two minutes. Its dates were drawn around the day it was seeded: delete
   * it on another day.
   */
  folder?: string;
}

/** What GET /api/agenda asks for: the first items of each group, with every group's total. */
const AS_SERVED = { cap: AGENDA_GROUP_CAP };

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
  [/with shown as materialized/, 'keep in touch: due and coming up, counted'],
  [/left join lateral \(select\s+min\(mm\.at\)/, 'follow-ups: open requests'],
  [/"replied_at" order by m\.at limit 1/, 'replies to answer'],
  [/from "conversation_status_history" inner join/, 'follow-ups: other requests at the orgs'],
  [/from "tasks"/, 'tasks'],
  [/any\(array\(select cp\.person_id/, 'keep in touch: people met'],
  [/not exists \(select 1 from "conversation_participants"/, 'reconnect suggestion'],
  [/from "people"/, 'keep in touch'],
  [/"rule_key" = \$/, 'reconnect: answered this month'],
  [/from "reminder_states"/, 'reminder states'],
];

function labelOf(sql: string): string {
  return QUERY_LABELS.find(([re]) => re.test(sql))?.[1] ?? sql.replace(/\s+/g, ' ').slice(0, 50);
}

/** The SQL and parameters of every query one agenda computation sends, in order. */
async function captureQueries(ctx: Ctx): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const stop = watchStatements(ctx.db, (query, params) =>
    captured.push({ label: labelOf(query), sql: query, params }),
  );
  try {
    await todayAgenda(ctx, AS_SERVED);
  } finally {
    stop();
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

/** One copy of the seeded folder: as written, or after ANALYZE. */
interface Variant {
  name: string;
  dataDir: string;
}

interface InProcessResult {
  firstMs: number;
  latencies: number[];
  items: AgendaItem[];
  /** Each agenda query run alone, sequentially: the fastest of a few runs, in milliseconds. */
  perQuery: { label: string; ms: number }[];
}

interface Opened {
  ctx: Ctx;
  pglite: PGlite;
  close: () => Promise<void>;
}

async function openVariant(dataDir: string): Promise<Opened> {
  const lock = acquireLock(dataDir);
  const handle = await openPglite({ dataDir }).catch((err: unknown) => {
    lock.release();
    throw err;
  });
  const close = async () => {
    await handle.close();
    lock.release();
  };
  try {
    // A folder kept from an earlier run (BENCH_AGENDA_FOLDER) gets this version's migrations first.
    await migrate(handle);
    const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db);
    const ctx: Ctx = { db: handle.db, workspaceId, userId, now: () => new Date() };
    return { ctx, pglite: handle.pglite!, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Times `todayAgenda` directly on every variant, opened side by side in this process. Calls
 * alternate between the variants (in turn order), so a change in the machine's load affects all
 * of them alike. Then each agenda query is run alone, and explained on request.
 */
async function measureInProcess(variants: Variant[], opts: AgendaOptions): Promise<InProcessResult[]> {
  const opened: Opened[] = [];
  try {
    for (const v of variants) opened.push(await openVariant(v.dataDir));
    progress(`agenda: in-process, ${opts.warmup} warm-up and ${opts.calls} timed calls on each folder`);
    const results: InProcessResult[] = [];
    for (const o of opened) {
      const t0 = performance.now();
      const first = await todayAgenda(o.ctx, AS_SERVED);
      results.push({ firstMs: performance.now() - t0, latencies: [], items: first.items, perQuery: [] });
    }
    for (let i = 1; i < opts.warmup; i++) for (const o of opened) await todayAgenda(o.ctx, AS_SERVED);
    for (let i = 0; i < opts.calls; i++) {
      for (let k = 0; k < opened.length; k++) {
        const j = (i + k) % opened.length;
        const t0 = performance.now();
        const agenda = await todayAgenda(opened[j]!.ctx, AS_SERVED);
        results[j]!.latencies.push(performance.now() - t0);
        results[j]!.items = agenda.items;
      }
    }

    for (const [j, o] of opened.entries()) {
      // Through the app's client, as the service sends them (prepared after their first run).
      const client = (o.ctx.db as unknown as { $client: PGlite }).$client;
      for (const q of await captureQueries(o.ctx)) {
        // The fastest of 10 runs: the query's own cost, with little of the machine's other load.
        let best = Number.POSITIVE_INFINITY;
        for (let i = 0; i < 10; i++) {
          const t0 = performance.now();
          await client.query(q.sql, q.params);
          best = Math.min(best, performance.now() - t0);
        }
        results[j]!.perQuery.push({ label: q.label, ms: best });
        if (opts.explain) {
          const plan = await o.pglite.query<Record<string, string>>(
            `explain (analyze, buffers) ${q.sql}`,
            q.params,
          );
          const lines = plan.rows.map((r) => Object.values(r)[0]);
          process.stderr.write(
            `\n--- ${q.label} (${variants[j]!.name}) ---\n${q.sql}\n${lines.join('\n')}\n`,
          );
        }
      }
    }
    return results;
  } finally {
    for (const o of opened) await o.close();
  }
}

interface HttpTimings {
  latencies: number[];
  items: number;
  bytes: number;
}

/**
 * Starts the built server on every variant and times GET /api/agenda, one request at a time,
 * alternating between the servers as the in-process measurement does.
 */
async function measureHttp(variants: Variant[], opts: AgendaOptions): Promise<HttpTimings[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const servers: ServerProcess[] = [];
  try {
    for (const v of variants) {
      progress(`agenda: starting the server on the folder ${v.name}`);
      servers.push(await startServerProcess(v.dataDir));
    }
    const get = async (server: ServerProcess) => {
      const res = await httpGet(`${server.url}/api/agenda`, agent, 60_000);
      if (res.status !== 200)
        throw new Error(`GET /api/agenda answered ${res.status}: ${res.body.slice(0, 300)}`);
      return res;
    };
    progress(`agenda: ${opts.warmup} warm-up and ${opts.calls} sequential GET /api/agenda on each server`);
    const last: HttpResult[] = [];
    for (const s of servers) last.push(await get(s));
    for (let i = 1; i < opts.warmup; i++) for (const s of servers) await get(s);
    const latencies: number[][] = servers.map(() => []);
    for (let i = 0; i < opts.calls; i++) {
      for (let k = 0; k < servers.length; k++) {
        const j = (i + k) % servers.length;
        const t0 = performance.now();
        last[j] = await get(servers[j]!);
        latencies[j]!.push(performance.now() - t0);
      }
    }
    return last.map((res, j) => ({
      latencies: latencies[j]!,
      items: (JSON.parse(res.body) as { items: unknown[] }).items.length,
      bytes: Buffer.byteLength(res.body),
    }));
  } finally {
    agent.destroy();
    for (const s of servers) await s.stop();
  }
}

/** Runs ANALYZE on the whole folder, as the app would have to (PGlite has no autovacuum). */
async function analyzeFolder(dataDir: string): Promise<number> {
  const opened = await openVariant(dataDir);
  try {
    const t0 = performance.now();
    await opened.pglite.exec('analyze');
    return performance.now() - t0;
  } finally {
    await opened.close();
  }
}

function variantFigures(
  variant: Variant,
  local: InProcessResult,
  remote: HttpTimings,
  load: { local: number; remote: number },
): Figure[] {
  const a = percentiles(local.latencies);
  const b = percentiles(remote.latencies);
  const slowest = [...local.perQuery]
    .sort((x, y) => y.ms - x.ms)
    .map((q) => `${q.label} ${millis(q.ms)}`)
    .join(', ');
  const goal = `≤ ${GOALS.p95Ms} ms`;
  return [
    {
      label: `todayAgenda() in-process (first ${AGENDA_GROUP_CAP} of each group) p50, ${variant.name}`,
      value: millis(a.p50),
      goal: '— (the goal is on p95)',
    },
    {
      label: `todayAgenda() in-process (first ${AGENDA_GROUP_CAP} of each group) p95, ${variant.name}`,
      value: millis(a.p95),
      goal,
      withinGoal: a.p95 <= GOALS.p95Ms,
      detail:
        `${count(local.items.length)} items (${itemsByKind(local.items)}); first call ${millis(local.firstMs)}, ` +
        `max ${millis(a.max)}; ${local.latencies.length} calls; load average ${load.local.toFixed(2)}\n` +
        `      each query run alone (fastest of 10): ${slowest}`,
    },
    {
      label: `GET /api/agenda p50, ${variant.name}`,
      value: millis(b.p50),
      goal: '— (the goal is on p95)',
    },
    {
      label: `GET /api/agenda p95, ${variant.name}`,
      value: millis(b.p95),
      goal,
      withinGoal: b.p95 <= GOALS.p95Ms,
      detail:
        `${count(remote.items)} items, ${Math.round(remote.bytes / 1024)} KB; max ${millis(b.max)}; ` +
        `${remote.latencies.length} sequential requests on one kept-alive connection; load average ${load.remote.toFixed(2)}`,
    },
  ];
}

/** Seeds a full workspace and measures the Today agenda on it as written and after ANALYZE. */
export async function benchAgenda(opts: AgendaOptions): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-agenda-'));
  const variants: Variant[] = [
    { name: 'no ANALYZE', dataDir: join(dir, 'as-written') },
    { name: 'after ANALYZE', dataDir: join(dir, 'analyzed') },
  ];
  const [plain, analyzed] = variants as [Variant, Variant];
  try {
    const sizes = defaultSizes(opts.people);
    progress(
      `agenda: generating ${count(opts.people)} people, ${count(sizes.conversations)} conversations, ` +
        `${count(sizes.messages)} messages, ${count(sizes.tasks)} tasks`,
    );
    const figures: Figure[] = [];
    const kept = opts.folder && existsSync(join(opts.folder, 'PG_VERSION'));
    if (kept) {
      progress(`agenda: copying ${opts.folder}`);
      await cp(opts.folder!, plain.dataDir, { recursive: true });
    } else {
      const seeded = await seedDataFolder(plain.dataDir, { people: opts.people });
      if (opts.folder) {
        await mkdir(opts.folder, { recursive: true });
        await cp(plain.dataDir, opts.folder, { recursive: true });
      }
      const seedMs = seeded.buildMs + seeded.insertMs;
      const rows = Object.values(seeded.counts).reduce((x, y) => x + y, 0);
      const slowTables = Object.entries(seeded.insertMsByTable)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 4)
        .map(([t, ms]) => `${t} ${seconds(ms)}`)
        .join(', ');
      figures.push({
        label: 'Generate and insert the workspace',
        value: seconds(seedMs),
        goal: atMostSeconds(GOALS.seedMs),
        withinGoal: seedMs <= GOALS.seedMs,
        detail:
          `${count(rows)} rows: ${count(seeded.counts.people ?? 0)} people, ` +
          `${count(seeded.counts.conversations ?? 0)} conversations, ${count(seeded.counts.messages ?? 0)} messages, ` +
          `${count(seeded.counts.tasks ?? 0)} tasks, ${count(seeded.counts.meetings ?? 0)} meetings; ` +
          `build ${seconds(seeded.buildMs)}, insert ${seconds(seeded.insertMs)} (slowest: ${slowTables})`,
      });
    }
    progress('agenda: copying the folder and running ANALYZE on the copy');
    await cp(plain.dataDir, analyzed.dataDir, { recursive: true });
    const analyzeMs = await analyzeFolder(analyzed.dataDir);
    figures.push({
      label: 'ANALYZE, whole database (on a copy of the folder)',
      value: seconds(analyzeMs),
      goal: '—',
      detail:
        'PGlite has no autovacuum, so a user’s folder never gets planner statistics unless the app runs ' +
        'ANALYZE; both folders are measured below, calls alternating between them',
    });

    const local = await measureInProcess(variants, opts);
    const localLoad = loadavg()[0] ?? 0;
    const remote = await measureHttp(variants, opts);
    const remoteLoad = loadavg()[0] ?? 0;
    variants.forEach((v, j) => {
      figures.push(...variantFigures(v, local[j]!, remote[j]!, { local: localLoad, remote: remoteLoad }));
    });
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
