import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tryLock, unlock } from 'fs-native-extensions';
import { AppError } from '../domain/errors.js';

/** What the holder of a data folder wrote in its lock file. */
export interface LockInfo {
  pid: number;
  /** Set when the holder is a server: the CLI then talks to it instead of opening the folder. */
  url?: string;
  startedAt: string;
  /** With the boot id and the process's start tick, tells this holder from a later process that reused its pid. */
  host?: string;
  bootId?: string;
  processStart?: string;
}

const LOCK_FILE = 'rapport.lock';

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The kernel's start tick of this process (field 22 of /proc/self/stat), where there is one. */
function processStart(): string | undefined {
  const stat = readOptional('/proc/self/stat');
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function parse(text: string): LockInfo | undefined {
  try {
    const info = JSON.parse(text) as LockInfo;
    return typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads who holds the lock of `dataDir`. The kernel's lock says whether anyone holds it, so a lock
 * file left by a process that died reads as free, whatever process now has its pid.
 */
export function readLock(dataDir: string): LockInfo | undefined {
  let fd: number;
  try {
    fd = openSync(join(dataDir, LOCK_FILE), 'r');
  } catch {
    return undefined;
  }
  try {
    if (tryLock(fd, { shared: true })) {
      unlock(fd);
      return undefined;
    }
    return parse(readFileSync(fd, 'utf8'));
  } finally {
    closeSync(fd);
  }
}

export interface Lock {
  /** Records the address a server listens on, for CLI processes that find the lock. */
  setUrl: (url: string) => void;
  release: () => void;
}

function write(fd: number, info: LockInfo): void {
  ftruncateSync(fd, 0);
  writeSync(fd, JSON.stringify(info), 0);
}

/**
 * Takes the exclusive lock on an embedded data folder. PGlite corrupts a folder opened by two
 * processes, so a second process gets a clear `locked` error instead. The lock is the kernel's
 * (an open-file-description lock on Linux, flock elsewhere): taking it is atomic, it is held for
 * the life of the process, and the kernel releases it when the process dies, even by kill -9.
 * The file itself is never deleted, so no process can lock a file another is about to replace.
 */
export function acquireLock(dataDir: string): Lock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, LOCK_FILE);
  const fd = openSync(path, 'a+', 0o600);
  if (!tryLock(fd)) {
    const holder = parse(readFileSync(path, 'utf8'));
    closeSync(fd);
    throw new AppError('locked', {
      userMessage: `The data folder ${dataDir} is in use by another Rapport process${
        holder ? ` (pid ${holder.pid}${holder.url ? `, serving ${holder.url}` : ''})` : ''
      }. Stop it first, or use a different folder with --data.`,
      details: { ...holder },
    });
  }
  const info: LockInfo = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    host: hostname(),
    bootId: readOptional('/proc/sys/kernel/random/boot_id'),
    processStart: processStart(),
  };
  write(fd, info);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    ftruncateSync(fd, 0);
    unlock(fd);
    closeSync(fd);
  };
  process.once('exit', release);
  return {
    setUrl: (url) => {
      if (!released) write(fd, { ...info, url });
    },
    release,
  };
}
