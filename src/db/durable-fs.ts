import { chmodSync, fdatasyncSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** How many fsyncs reached the operating system, for tests and `npm run bench`. */
let fsyncCount = 0;
export function fsyncsSoFar(): number {
  return fsyncCount;
}

interface EmscriptenStream {
  nfd?: number;
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
        fdatasyncSync(stream.nfd);
        fsyncCount++;
        return 0;
      };
    };
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun: [patch, ...preRun] } };
  }
}
