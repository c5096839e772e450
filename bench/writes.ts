/**
 * What durability costs (issue 12, point 1): 1,000 people created one after another over HTTP on
 * a fresh embedded data folder, each acknowledged only once its commit is on disk. When strace is
 * on the machine, it counts the server's fsync calls during more creates after the timed loop, to
 * show that every acknowledged write reached the disk.
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

/** Creates `n` people one after another, each answered before the next is sent; their latencies. */
async function createInSequence(url: string, agent: http.Agent, n: number, label: string) {
  const latencies: number[] = [];
  let failures = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const status = await post(`${url}/api/people`, { fullName: `${label} ${i}` }, agent);
    latencies.push(performance.now() - t0);
    if (status !== 201) failures++;
  }
  return { latencies, failures };
}

/**
 * The timed loop runs with nothing attached to the server. strace stops the server at every
 * system call, not only at the fsyncs it counts (0.2-0.6 ms more per create here), so the fsyncs
 * are counted on a second loop of creates, after the timed one.
 */
export async function benchWrites(opts: { creates: number }): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-writes-'));
  const server = await startServerProcess(dir, { timeoutMs: 180_000 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await createInSequence(server.url, agent, 50, 'Warm Up');
    progress(`creating ${count(opts.creates)} people one after another`);
    const started = performance.now();
    const { latencies, failures } = await createInSequence(server.url, agent, opts.creates, 'Durable Person');
    const totalMs = performance.now() - started;
    const counted = Math.min(opts.creates, 200);
    progress(`counting the fsyncs of ${count(counted)} more creates (strace)`);
    const strace = countFsyncs(server.pid);
    // strace needs a moment to attach to every thread.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const traced = await createInSequence(server.url, agent, counted, 'Traced Person');
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
        label: `fsync calls by the server during ${count(counted)} more creates (strace)`,
        value: fsyncs === undefined ? 'strace not available' : count(fsyncs),
        goal: `≥ ${count(counted)} (one commit, one fsync at least)`,
        withinGoal: fsyncs === undefined ? undefined : fsyncs >= counted,
        detail: `${traced.failures} failed; under strace, a create took ${millis(median(traced.latencies))} (p50)`,
      },
    ];
  } finally {
    agent.destroy();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
