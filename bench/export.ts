/**
 * CSV export of a large People list (issue 12, point 5): a data folder is seeded with generated
 * people, the server is started on it as a separate process, and GET /api/exports/csv/people is
 * downloaded while GET /api/workspace is sent again and again, one after another, to see that
 * the server still answers other requests while the export streams.
 */

import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { openPglite } from '../src/db/client.js';
import { seedDataFolder } from './generate.js';
import { atMostSeconds, count, type Figure, median, megabytes, millis, progress, seconds } from './report.js';
import { httpGet, startServerProcess } from './server-process.js';

const GOAL_MS = 5000;
/** Issue 12.6: other requests answer within 100 ms while an export runs. */
const STALL_GOAL_MS = 100;

interface Download {
  status: number;
  firstByteMs: number;
  totalMs: number;
  body: Buffer;
}

/** Downloads a URL as it streams, timing the first byte and the end. */
function download(url: string): Promise<Download> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent: false, timeout: 600_000 }, (res) => {
      const chunks: Buffer[] = [];
      let firstByteMs = -1;
      res.on('data', (c: Buffer) => {
        if (firstByteMs < 0) firstByteMs = performance.now() - t0;
        chunks.push(c);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          firstByteMs,
          totalMs: performance.now() - t0,
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

/** A data folder of `people` generated people, vacuumed and analyzed. */
async function seedExportFolder(dataDir: string, people: number): Promise<void> {
  progress(`CSV export: generating ${count(people)} people`);
  // Without the outreach log: the People export does not read it.
  await seedDataFolder(dataDir, { people, messages: 0 });
  // The server vacuums and analyzes freshly filled tables a few seconds after it starts, which
  // holds the one connection for a long while; done here first, the export is measured alone.
  progress('CSV export: vacuum and analyze the seeded folder');
  const handle = await openPglite({ dataDir });
  try {
    await handle.pglite!.exec('vacuum analyze');
  } finally {
    await handle.close();
  }
}

/**
 * CPU seconds a process has used (user and system, from /proc/PID/stat); undefined where /proc is
 * missing. On a busy machine an export's wall time mostly says how busy the machine was; the
 * server's CPU time for it is what to compare between builds.
 */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): utime and stime are
    // the 14th and 15th of the line, in clock ticks of 1/100 s on Linux.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** GET /api/workspace sent `times` times one after another, with nothing else running: its own time. */
async function alone(url: string, times: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const res = await httpGet(`${url}/api/workspace`, false, 60_000);
    if (res.status === 200) ms.push(performance.now() - t0);
  }
  return ms;
}

/**
 * Seeds `people` people, then times the export and the requests answered while it runs. With
 * `folder` (BENCH_EXPORT_FOLDER), the seeded folder is kept there and copied for each run, since
 * seeding 200,000 people takes minutes; it is seeded again only when it does not exist.
 */
export async function benchExport(opts: { people: number; folder?: string }): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-export-'));
  const dataDir = join(dir, 'data');
  try {
    if (opts.folder) {
      if (!existsSync(join(opts.folder, 'PG_VERSION'))) {
        await mkdir(opts.folder, { recursive: true });
        await seedExportFolder(opts.folder, opts.people);
      }
      progress(`CSV export: copying ${opts.folder}`);
      await cp(opts.folder, dataDir, { recursive: true });
    } else {
      await mkdir(dataDir);
      await seedExportFolder(dataDir, opts.people);
    }
    const server = await startServerProcess(dataDir);
    try {
      // Past the server's start-up maintenance, then one small request, so the export is not the
      // one that warms the server up.
      await new Promise((r) => setTimeout(r, 5000));
      await httpGet(`${server.url}/api/people?limit=1`, false, 600_000);
      // What the other request costs by itself: a wait during the export is this plus the export's
      // turn on the one connection.
      const before = await alone(server.url, 20);
      // The export by itself: with another request sent again and again, the two take turns on the
      // one connection, so the total below also holds every one of those requests' own time.
      progress(`CSV export: downloading ${count(opts.people)} people with nothing else running`);
      const cpuBefore = cpuSeconds(server.pid);
      const solo = await download(`${server.url}/api/exports/csv/people`);
      const cpuAfter = cpuSeconds(server.pid);
      const soloCpu =
        cpuBefore !== undefined && cpuAfter !== undefined
          ? `; server CPU ${(cpuAfter - cpuBefore).toFixed(2)} s`
          : '';
      if (solo.status !== 200) throw new Error(`The export answered ${solo.status}.`);
      progress(`CSV export: downloading ${count(opts.people)} people while GET /api/workspace is sent`);
      let exporting = true;
      const latencies: number[] = [];
      let failures = 0;
      const exported = download(`${server.url}/api/exports/csv/people`).finally(() => {
        exporting = false;
      });
      const others = (async () => {
        while (exporting) {
          const t0 = performance.now();
          const res = await httpGet(`${server.url}/api/workspace`, false, 60_000).catch(() => undefined);
          // Only answers that came while the export was still running count.
          if (!exporting) break;
          if (res?.status === 200) latencies.push(performance.now() - t0);
          else failures++;
        }
      })();
      const result = await exported;
      await others;
      const { peakRssBytes } = await server.stop();
      if (result.status !== 200) throw new Error(`The export answered ${result.status}.`);
      const rows = (parse(result.body, { bom: true }) as unknown[]).length - 1;
      const sorted = [...latencies].sort((a, b) => a - b);
      const worst = sorted[sorted.length - 1] ?? Number.NaN;
      return [
        {
          label: `Export ${count(opts.people)} people as CSV`,
          value: seconds(result.totalMs),
          goal: atMostSeconds(GOAL_MS),
          withinGoal: result.totalMs <= GOAL_MS && rows === opts.people,
          detail:
            `${count(rows)} rows, ${megabytes(result.body.length)}; first byte after ${millis(result.firstByteMs)}; ` +
            `server peak RSS ${megabytes(peakRssBytes)}`,
        },
        {
          label: 'Longest wait of another request (GET /api/workspace) during the export',
          value: latencies.length ? millis(worst) : '—',
          goal: `≤ ${STALL_GOAL_MS} ms`,
          withinGoal: latencies.length > 0 && worst <= STALL_GOAL_MS,
          detail: `${count(latencies.length)} requests answered while it ran`,
        },
        {
          label: 'GET /api/workspace answered during the export',
          value: count(latencies.length),
          goal: 'answered meanwhile',
          withinGoal: latencies.length > 0 && failures === 0,
          detail: latencies.length
            ? `one after another: median ${millis(median(latencies))}, slowest ${millis(worst)}` +
              (failures ? `; ${count(failures)} failed` : '')
            : `none answered before the export ended${failures ? `; ${count(failures)} failed` : ''}`,
        },
        {
          label: `Export ${count(opts.people)} people as CSV with no other request`,
          value: seconds(solo.totalMs),
          goal: atMostSeconds(GOAL_MS),
          withinGoal: solo.totalMs <= GOAL_MS && solo.body.length === result.body.length,
          detail: `${megabytes(solo.body.length)}; first byte after ${millis(solo.firstByteMs)}${soloCpu}`,
        },
        {
          label: 'GET /api/workspace alone, before the export (its own time)',
          value: before.length ? millis(median(before)) : '—',
          goal: 'for reference',
          withinGoal: before.length > 0,
          detail: before.length
            ? `${count(before.length)} one after another: median ${millis(median(before))}, slowest ${millis(Math.max(...before))}`
            : 'none answered',
        },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
