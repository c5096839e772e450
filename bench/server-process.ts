/**
 * Runs the built CLI's `serve` as a child process, the way a user starts Rapport, and measures
 * how long it takes to answer. Only 127.0.0.1 and ports 4500-4599 are used.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const PORT_FIRST = 4500;
const PORT_COUNT = 100;

/** The repository root, from bench/ (run by tsx) or from a compiled dist/bench/. */
export function repoRoot(): string {
  for (const up of ['..', '../..']) {
    const dir = fileURLToPath(new URL(`${up}/`, import.meta.url));
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'drizzle'))) return dir;
  }
  throw new Error('Could not find the repository root from the bench folder.');
}

/** The built CLI (`npm run build` puts it in dist/cli; an older layout used dist/src/cli). */
export function cliPath(): string {
  const root = repoRoot();
  const candidates = ['dist/cli/main.js', 'dist/src/cli/main.js'].map((p) => join(root, p));
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(`The built CLI was not found (looked for ${candidates.join(', ')}); run npm run build.`);
  return found;
}

let nextPort = PORT_FIRST + Math.floor(Math.random() * PORT_COUNT);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

/** A free port in 4500-4599, moving on each call so a port just released is not reused at once. */
export async function freePort(): Promise<number> {
  for (let i = 0; i < PORT_COUNT; i++) {
    const port = PORT_FIRST + ((nextPort - PORT_FIRST + i) % PORT_COUNT);
    if (await portIsFree(port)) {
      nextPort = port + 1;
      return port;
    }
  }
  throw new Error('No free port between 4500 and 4599.');
}

export interface HttpResult {
  status: number;
  body: string;
}

/** A GET with node:http; `agent: false` opens a fresh connection, as a first visit does. */
export function httpGet(
  url: string,
  agent: http.Agent | false = false,
  timeoutMs = 5000,
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

/** Peak resident memory (VmHWM) of a process, in bytes; undefined where /proc is missing. */
export function peakRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const running = new Set<ChildProcess>();
// A crashed benchmark must not leave a server holding a data folder's lock.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ServerProcess {
  url: string;
  pid: number;
  /** From spawn to the first 200 from GET /api/workspace. */
  readyMs: number;
  /** Sends SIGTERM, waits for the exit, and returns the peak RSS read just before. */
  stop: () => Promise<{ peakRssBytes?: number }>;
  /** The last 4,000 characters the server printed, and its exit code once it exited. */
  output: () => string;
}

/**
 * Node options for every server the bench starts, from BENCH_SERVER_NODE_ARGS: e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where a server's time goes (the profile is written
 * when the server stops).
 */
export function serverNodeArgs(): string[] {
  return process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
}

/** Starts `rapport serve` on `dataDir` and waits until GET /api/workspace answers 200. */
export async function startServerProcess(
  dataDir: string,
  opts: { timeoutMs?: number; databaseUrl?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://${HOST}:${port}`;
  // The embedded database is what is measured unless a PostgreSQL URL is given for a comparison.
  const { DATABASE_URL: _db, PORT: _port, HOST: _host, RAPPORT_DATA: _data, ...rest } = process.env;
  const env = opts.databaseUrl ? { ...rest, DATABASE_URL: opts.databaseUrl } : rest;
  const started = performance.now();
  const args = [...serverNodeArgs(), cliPath(), 'serve', '--port', String(port), '--data', dataDir];
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
    running.delete(child);
  });

  const deadline = started + (opts.timeoutMs ?? 60_000);
  let readyMs: number | undefined;
  while (readyMs === undefined) {
    if (exitCode !== undefined) {
      throw new Error(`The server exited (code ${exitCode}) before answering:\n${output}`);
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within ${opts.timeoutMs ?? 60_000} ms:\n${output}`);
    }
    try {
      const res = await httpGet(`${url}/api/workspace`, false, 2000);
      if (res.status === 200) readyMs = performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (readyMs === undefined) await new Promise((r) => setTimeout(r, 10));
  }

  const stop = async () => {
    const peakRssBytes = peakRss(child.pid);
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    return { peakRssBytes };
  };
  const printed = () => (exitCode === undefined ? output : `${output}\n(exited with code ${exitCode})`);
  return { url, pid: child.pid!, readyMs, stop, output: printed };
}

/** A JSON POST with node:http on `agent`; answers the status and the body. */
export function httpPost(url: string, body: unknown, agent: http.Agent): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
