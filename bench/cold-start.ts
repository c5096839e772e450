/**
 * Cold start on the embedded database: from spawning `rapport serve` to the first successful
 * GET /api/workspace. The first run on an empty folder also creates the database (initdb) and
 * applies the migrations; later starts on the same folder are what a user waits for daily.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atMostSeconds, type Figure, median, megabytes, progress, seconds } from './report.js';
import { startServerProcess } from './server-process.js';

const GOAL_MS = 1500;

export interface ColdStartOptions {
  /** Starts on the existing folder; the median is reported. */
  restarts: number;
}

/** Times a first start on an empty folder, then `restarts` starts on the same folder. */
export async function benchColdStart(opts: ColdStartOptions): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-cold-'));
  const dataDir = join(dir, 'data');
  await mkdir(dataDir);
  try {
    progress('cold start: first run on an empty folder');
    const first = await startServerProcess(dataDir, { timeoutMs: 180_000 });
    const firstStop = await first.stop();

    const times: number[] = [];
    const peaks: number[] = [];
    for (let i = 0; i < opts.restarts; i++) {
      progress(`cold start: restart ${i + 1} of ${opts.restarts}`);
      const server = await startServerProcess(dataDir, { timeoutMs: 180_000 });
      const { peakRssBytes } = await server.stop();
      times.push(server.readyMs);
      if (peakRssBytes !== undefined) peaks.push(peakRssBytes);
    }
    const coldMs = median(times);
    const sorted = [...times].sort((a, b) => a - b);
    return [
      {
        label: 'First start, empty folder (initdb + migrations)',
        value: seconds(first.readyMs),
        goal: '— (once per install)',
        detail: `peak RSS ${megabytes(firstStop.peakRssBytes)}`,
      },
      {
        label: `Cold start, existing folder (median of ${times.length})`,
        value: seconds(coldMs),
        goal: atMostSeconds(GOAL_MS),
        withinGoal: coldMs <= GOAL_MS,
        detail: `min ${seconds(sorted[0]!)}, max ${seconds(sorted[sorted.length - 1]!)}; peak RSS ${megabytes(
          peaks.length ? median(peaks) : undefined,
        )} (median)`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
