/**
 * What durability costs (issue 12, point 1): 1,000 people created one after another over HTTP on
 * a fresh embedded data folder, each acknowledged only once its commit is on disk. When strace is
 * on the machine, it counts the server's fsync calls during the loop, to show that every
 * acknowledged write reached the disk.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, type Figure, median, millis, progress, quantile, seconds } from './report.js';
import { httpPost, startServerProcess } from './server-process.js';

/** Issue 14's goals for a create, kept beside the durable figures. */
const GOALS = { createP50Ms: 2, thousandMs: 1500 };

async function post(url: string, body: unknown, agent: http.Agent): Promise<number> {
  return (await httpPost(url, body, agent)).status;
}

/** Attaches strace to `pid` counting fsync-family calls; resolves with the count when stopped. */
function countFsyncs(pid: number): { stop: () => Promise<number | undefined> } {
  let output = '';
  const child = spawn('strace', ['-f', '-c', '-e', 'trace=fsync,fdatasync', '-p', String(pid)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.once('error', () => {});
  return {
    stop: async () => {
      child.kill('SIGINT');
      await exited;
      const calls = [
        ...output.matchAll(/^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(fsync|fdatasync)\s*$/gm),
      ];
      return calls.length ? calls.reduce((n, m) => n + Number(m[1]), 0) : undefined;
    },
  };
}

export async function benchWrites(opts: { creates: number }): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-writes-'));
  const server = await startServerProcess(dir, { timeoutMs: 180_000 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < 50; i++) await post(`${server.url}/api/people`, { fullName: `Warm Up ${i}` }, agent);
    const strace = countFsyncs(server.pid);
    // strace needs a moment to attach to every thread.
    await new Promise((resolve) => setTimeout(resolve, 500));
    progress(`creating ${count(opts.creates)} people one after another`);
    const latencies: number[] = [];
    const started = performance.now();
    let failures = 0;
    for (let i = 0; i < opts.creates; i++) {
      const t0 = performance.now();
      const status = await post(`${server.url}/api/people`, { fullName: `Durable Person ${i}` }, agent);
      latencies.push(performance.now() - t0);
      if (status !== 201) failures++;
    }
    const totalMs = performance.now() - started;
    const fsyncs = await strace.stop();
    const sorted = [...latencies].sort((a, b) => a - b);
    return [
      {
        label: `${count(opts.creates)} sequential creates over HTTP, each on disk before its answer`,
        value: seconds(totalMs),
        goal: `≤ ${seconds(GOALS.thousandMs * (opts.creates / 1000))} (issue 14)`,
        withinGoal: totalMs <= GOALS.thousandMs * (opts.creates / 1000),
        detail: `${failures} failed`,
      },
      {
        label: 'Create one person, p50 / p95',
        value: `${millis(median(latencies))} / ${millis(quantile(sorted, 0.95))}`,
        goal: `p50 ≤ ${millis(GOALS.createP50Ms)} (issue 14)`,
        withinGoal: median(latencies) <= GOALS.createP50Ms,
      },
      {
        label: 'fsync calls by the server during the loop (strace)',
        value: fsyncs === undefined ? 'strace not available' : count(fsyncs),
        goal: `≥ ${count(opts.creates)} (one commit, one fsync at least)`,
        withinGoal: fsyncs === undefined ? undefined : fsyncs >= opts.creates,
      },
    ];
  } finally {
    agent.destroy();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
