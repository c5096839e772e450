/**
 * Reading one person through the API while many requests are in flight: a data folder is seeded
 * with generated people, the server is started on it as a separate process, and GET
 * /api/people/:id is driven for random ids with a fixed number of requests outstanding.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSizes, seedDataFolder } from './generate.js';
import {
  atMostSeconds,
  count,
  type Figure,
  median,
  megabytes,
  millis,
  progress,
  quantile,
  seconds,
} from './report.js';
import { httpGet, type ServerProcess, startServerProcess } from './server-process.js';

/** Goals proposed for the Foundation issue; the issue itself only fixes the cold start. */
const GOALS = { seedMs: 10_000, coldStartMs: 1500, p50Ms: 50, p99Ms: 100 };

export interface PersonReadOptions {
  people: number;
  requests: number;
  concurrency: number;
  /** Requests sent first and not counted (connections, JIT, database caches). */
  warmup: number;
  /** Server starts on the seeded folder; the median start time is reported. */
  starts: number;
}

interface LoadResult {
  latencies: Float64Array;
  wallMs: number;
  failures: number;
  firstFailure?: string;
  /** Share of one core the load driver itself used: high values mean it competed with the server. */
  driverCpu: number;
}

/** Sends `total` GETs, keeping `concurrency` in flight, and records each one's latency. */
async function drive(
  baseUrl: string,
  ids: string[],
  total: number,
  concurrency: number,
  agent: http.Agent,
): Promise<LoadResult> {
  const latencies = new Float64Array(total);
  let issued = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const worker = async () => {
    while (issued < total) {
      const slot = issued++;
      const id = ids[Math.floor(Math.random() * ids.length)]!;
      const t0 = performance.now();
      try {
        const res = await httpGet(`${baseUrl}/api/people/${id}`, agent, 30_000);
        if (res.status !== 200) {
          failures++;
          firstFailure ??= `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
        }
      } catch (err) {
        failures++;
        firstFailure ??= (err as Error).message;
      }
      latencies[slot] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { latencies, wallMs, failures, firstFailure, driverCpu: (cpu.user + cpu.system) / 1000 / wallMs };
}

/** Seeds a folder, starts the server on it, and measures GET /api/people/:id under load. */
export async function benchPersonRead(opts: PersonReadOptions): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-read-'));
  const dataDir = join(dir, 'data');
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  let server: ServerProcess | undefined;
  try {
    const sizes = defaultSizes(opts.people);
    progress(
      `person read: generating ${count(opts.people)} people, ${count(sizes.organizations)} organizations, ` +
        `${count(sizes.conversations)} conversations`,
    );
    // Without the outreach log (messages, tasks): reading a person does not touch it, and this
    // keeps the seeding figure comparable with runs from before the log was generated.
    const seeded = await seedDataFolder(dataDir, { people: opts.people, messages: 0 });
    const rows = Object.values(seeded.counts).reduce((a, b) => a + b, 0);
    const seedMs = seeded.buildMs + seeded.insertMs;
    const figures: Figure[] = [
      {
        label: `Generate and insert ${count(opts.people)} people`,
        value: seconds(seedMs),
        goal: atMostSeconds(GOALS.seedMs),
        withinGoal: seedMs <= GOALS.seedMs,
        detail:
          `${count(rows)} rows in all (${Math.round(rows / (seedMs / 1000)).toLocaleString('en-US')} rows/s); ` +
          `build ${seconds(seeded.buildMs)}, insert ${seconds(seeded.insertMs)}; ` +
          `new folder + migrations ${seconds(seeded.openMs)} not included`,
      },
    ];

    // The first start after seeding reads a freshly written folder; the median of a few starts is
    // the cold start a user with this many people waits for. The last one serves the load.
    const starts: number[] = [];
    for (let i = 1; i <= opts.starts; i++) {
      progress(`person read: starting the server on the seeded folder (${i} of ${opts.starts})`);
      server = await startServerProcess(dataDir);
      starts.push(server.readyMs);
      if (i < opts.starts) await server.stop();
    }
    const coldMs = median(starts);
    figures.push({
      label: `Cold start, ${count(opts.people)} people (median of ${starts.length})`,
      value: seconds(coldMs),
      goal: atMostSeconds(GOALS.coldStartMs),
      withinGoal: coldMs <= GOALS.coldStartMs,
      detail: `each start: ${starts.map(seconds).join(', ')}`,
    });
    if (!server) throw new Error('The server was not started.');
    const check = await httpGet(`${server.url}/api/people/${seeded.personIds[0]}`, agent);
    if (check.status !== 200) throw new Error(`GET /api/people/:id answered ${check.status}: ${check.body}`);

    progress(`person read: ${count(opts.warmup)} warm-up requests`);
    await drive(server.url, seeded.personIds, opts.warmup, opts.concurrency, agent);
    progress(`person read: ${count(opts.requests)} requests, ${opts.concurrency} in flight`);
    const load = await drive(server.url, seeded.personIds, opts.requests, opts.concurrency, agent);
    const { peakRssBytes } = await server.stop();

    const sorted = load.latencies.slice().sort();
    const p50 = quantile(sorted, 0.5);
    const p99 = quantile(sorted, 0.99);
    const perSecond = opts.requests / (load.wallMs / 1000);
    const failed = load.failures ? `; ${count(load.failures)} failed (${load.firstFailure})` : '';
    figures.push(
      {
        label: `GET /api/people/:id p50 (${opts.concurrency} concurrent)`,
        value: millis(p50),
        goal: `≤ ${GOALS.p50Ms} ms`,
        withinGoal: p50 <= GOALS.p50Ms,
      },
      {
        label: `GET /api/people/:id p99 (${opts.concurrency} concurrent)`,
        value: millis(p99),
        goal: `≤ ${GOALS.p99Ms} ms`,
        withinGoal: p99 <= GOALS.p99Ms,
        detail: `max ${millis(sorted[sorted.length - 1]!)}; ${count(opts.requests)} requests after ${count(opts.warmup)} warm-up${failed}`,
      },
      {
        label: 'GET /api/people/:id throughput',
        value: `${Math.round(perSecond).toLocaleString('en-US')} req/s`,
        goal: '—',
        detail:
          `server peak RSS ${megabytes(peakRssBytes)}; ` +
          `load driver used ${Math.round(load.driverCpu * 100)}% of a core on the same machine`,
      },
    );
    return figures;
  } finally {
    agent.destroy();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
