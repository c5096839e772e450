import { chmodSync, closeSync, fdatasyncSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** How many fsyncs reached the operating system, for tests and `npm run bench`. */
let fsyncCount = 0;
export function fsyncsSoFar(): number {
  return fsyncCount;
}

interface EmscriptenStream {
  nfd?: number;
  node?: EmscriptenNode;
}
interface EmscriptenNode {
  mode: number;
}
interface EmscriptenModule {
  FS: { isDir: (mode: number) => boolean };
  NODEFS: {
    realPath: (node: EmscriptenNode) => string;
    stream_ops: { fsync?: (stream: EmscriptenStream) => number };
    node_ops: { mknod: (parent: EmscriptenNode, name: string, mode: number, dev: number) => EmscriptenNode };
  };
}

/** WAL files whose fsync was left to a background thread, by real path, with the latest mark. */
interface WalFlushes {
  deferring: number;
  unflushed: Map<string, number>;
  marks: number;
}

/**
 * Where an instance keeps its WalFlushes: a property, so it is found through the client that
 * wraps the instance (pglite-prepared.ts), which a WeakMap keyed by the instance would miss.
 */
const WAL_FLUSHES = Symbol('rapport.walFlushes');

/** fdatasync by path, for a file whose descriptor PostgreSQL may have closed since. */
function flushNow(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fdatasyncSync(fd);
      fsyncCount++;
    } finally {
      closeSync(fd);
    }
  } catch {
    // Gone: a WAL file is only removed after a checkpoint, which flushed it first.
  }
}

function flushLater(state: WalFlushes, path: string): void {
  const mark = ++state.marks;
  state.unflushed.set(path, mark);
  void (async () => {
    try {
      const file = await open(path, 'r');
      try {
        await file.datasync();
      } finally {
        await file.close();
      }
    } catch {
      // As in flushNow.
    }
    // Written again since this flush began: the next one, or a waited-for fsync, covers it.
    if (state.unflushed.get(path) === mark) state.unflushed.delete(path);
  })();
}

/**
 * Runs `work` (one short transaction of long work whose every step can be redone or undone, such
 * as an applied import step, see staged.ts, or a restore's batch) with the WAL's fsyncs done on a background thread instead of
 * on the event loop, where every other request waited for them (8-300 ms each on a busy disk).
 * The commit is still written to the operating system before it returns, so a killed process
 * loses nothing; only a power cut can lose it, and the WAL on disk is then a prefix of what was
 * written, which PostgreSQL recovers to a consistent point. Any later fsync that is waited for
 * (an ordinary commit, a checkpoint) first waits for these files, so no commit that reported
 * itself durable can depend on WAL that is not on disk.
 */
export async function withoutWaitingForWal<T>(db: object, work: () => Promise<T>): Promise<T> {
  // A Drizzle database (its `$client`) or the PGlite instance itself; PostgreSQL's client has no
  // such state, and there `work` simply runs.
  const client = '$client' in db ? (db.$client as object) : db;
  const state = (client as { [WAL_FLUSHES]?: WalFlushes })[WAL_FLUSHES];
  if (!state) return work();
  state.deferring++;
  try {
    return await work();
  } finally {
    state.deferring--;
  }
}

/**
 * PGlite's data folder on disk, private to its owner, with fsync that reaches the disk. Files
 * PostgreSQL creates come out readable by everyone (0666) through NODEFS; they are made 0600
 * (folders 0700) as they are created. PGlite's Node file system
 * (Emscripten's NODEFS) has no fsync of its own, so PostgreSQL's fsync of the WAL at commit and
 * of data files at a checkpoint silently did nothing: a power cut could lose acknowledged
 * writes. This passes each one on to the operating system as fdatasync (what PostgreSQL itself
 * uses for the WAL on Linux: the data and the file's size, without other metadata). PostgreSQL
 * must use `wal_sync_method=fsync`, because Emscripten's own fdatasync call does not reach a file
 * system at all; its fsync call is the one that arrives here.
 */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts);
    const state: WalFlushes = { deferring: 0, unflushed: new Map(), marks: 0 };
    Object.defineProperty(pg, WAL_FLUSHES, { value: state });
    const preRun = result.emscriptenOpts.preRun ?? [];
    const patch = (mod: unknown) => {
      const { FS, NODEFS } = mod as EmscriptenModule;
      const mknod = NODEFS.node_ops.mknod;
      NODEFS.node_ops.mknod = (parent, name, mode, dev) => {
        const node = mknod(parent, name, mode, dev);
        chmodSync(NODEFS.realPath(node), FS.isDir(node.mode) ? 0o700 : 0o600);
        return node;
      };
      NODEFS.stream_ops.fsync = (stream) => {
        if (typeof stream.nfd !== 'number') return 0;
        const path = stream.node ? NODEFS.realPath(stream.node) : '';
        // The WAL's files, and its folder, fsynced when a new file is made for the WAL (every
        // 16 MB: 13 times in a 20,000-person restore, each waited for with the files before it).
        if (state.deferring > 0 && /[/\\]pg_wal([/\\]|$)/.test(path)) {
          flushLater(state, path);
          return 0;
        }
        for (const waiting of [...state.unflushed.keys()]) {
          if (waiting !== path) flushNow(waiting);
        }
        state.unflushed.clear();
        fdatasyncSync(stream.nfd);
        fsyncCount++;
        return 0;
      };
    };
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun: [patch, ...preRun] } };
  }
}
