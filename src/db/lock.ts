import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../domain/errors.js';

/** What the holder of a data folder wrote in its lock file. */
export interface LockInfo {
  pid: number;
  /** Set when the holder is a server: the CLI then talks to it instead of opening the folder. */
  url?: string;
  startedAt: string;
}

const LOCK_FILE = 'rapport.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the lock of `dataDir` when a live process holds it; a stale lock reads as free. */
export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export interface Lock {
  /** Records the address a server listens on, for CLI processes that find the lock. */
  setUrl: (url: string) => void;
  release: () => void;
}

/**
 * Takes the exclusive lock on an embedded data folder. PGlite corrupts a folder opened by two
 * processes, so a second process gets a clear `locked` error instead.
 */
export function acquireLock(dataDir: string): Lock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return {
        setUrl: (url) => writeFileSync(path, JSON.stringify({ ...info, url })),
        release,
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(dataDir);
      if (holder) {
        throw new AppError('locked', {
          userMessage: `The data folder ${dataDir} is in use by another Rapport process (pid ${holder.pid}${
            holder.url ? `, serving ${holder.url}` : ''
          }). Stop it first, or use a different folder with --data.`,
          details: { ...holder },
        });
      }
      // The previous holder died without cleaning up: take the lock over.
      rmSync(path, { force: true });
    }
  }
  throw new AppError('locked', { userMessage: `Could not lock the data folder ${dataDir}.` });
}
