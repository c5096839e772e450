import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, readLock } from './lock.js';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-lock-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const CHILD = ['--import', 'tsx', 'test/lock-child.ts'];

/** A child process that takes the lock of `dir` when told to. */
function contender(dir: string) {
  const child = spawn(process.execPath, CHILD.concat(dir));
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    lines.push(...text.split('\n').filter(Boolean));
    for (const w of waiters.splice(0)) w();
  });
  const line = async (n: number) => {
    while (lines.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    return lines[n - 1];
  };
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, line, exited };
}

describe('one process per data folder', () => {
  it('lets exactly one of many processes started at the same instant hold the folder, over a stale lock file', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = folder();
      // A lock file left by a process that died: everyone must not take it over at once.
      writeFileSync(join(dir, 'rapport.lock'), JSON.stringify({ pid: 4_194_000, startedAt: '2026-01-01' }));
      const all = Array.from({ length: 8 }, () => contender(dir));
      await Promise.all(all.map((c) => c.line(1)));
      // Every process is started and waiting: tell them all to take the lock at once.
      for (const c of all) c.child.stdin.write('go\n');
      const outcomes = await Promise.all(all.map((c) => c.line(2)));
      expect(outcomes.filter((o) => o === 'held')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'refused')).toHaveLength(7);
      for (const c of all) c.child.stdin.end();
      await Promise.all(all.map((c) => c.exited));
      expect(readLock(dir)).toBeUndefined();
    }
  }, 90_000);

  it('refuses a second holder in the same process with the holder named, and frees the folder on release', () => {
    const dir = folder();
    const lock = acquireLock(dir);
    lock.setUrl('http://127.0.0.1:4310');
    expect(readLock(dir)).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:4310' });
    expect(() => acquireLock(dir)).toThrow(/in use by another Rapport process \(pid \d+, serving http/);
    lock.release();
    expect(readLock(dir)).toBeUndefined();
    acquireLock(dir).release();
    expect(statSync(join(dir, 'rapport.lock')).mode & 0o777).toBe(0o600);
  });

  it('takes over a lock file whose pid now belongs to a live process (PID 1 after a kill -9 in a container)', () => {
    const dir = folder();
    writeFileSync(join(dir, 'rapport.lock'), JSON.stringify({ pid: 1, startedAt: '2026-01-01T00:00:00Z' }));
    expect(readLock(dir)).toBeUndefined();
    const lock = acquireLock(dir);
    expect(readLock(dir)).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('frees the folder the moment its holder is killed with SIGKILL', async () => {
    const dir = folder();
    const holder = contender(dir);
    await holder.line(1);
    holder.child.stdin.write('go\n');
    expect(await holder.line(2)).toBe('held');
    expect(readLock(dir)?.pid).toBe(holder.child.pid);
    expect(() => acquireLock(dir)).toThrow(/in use/);
    holder.child.kill('SIGKILL');
    await holder.exited;
    const lock = acquireLock(dir);
    lock.release();
  }, 30_000);
});
