/**
 * Zip archives written by hand, so tests can build what no honest zip tool writes: entries
 * whose headers declare one size and inflate to another. Only what the restore reads is filled in.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

export interface RawEntry {
  name: string;
  /** The compressed bytes as stored. */
  data: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The size the headers declare the entry inflates to. */
  declaredSize: number;
}

/** A deflated entry whose headers tell the truth. */
export function deflated(name: string, content: Uint8Array): RawEntry {
  return { name, data: deflateRawSync(content), method: 8, declaredSize: content.length };
}

/** Every entry of a real archive, re-deflated honestly, so hostile ones can be added to it. */
export function entriesOf(zip: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(zip)).map(([name, bytes]) => deflated(name, bytes));
}

/**
 * `megabytes` MB of zeros as one deflate stream of about a thousandth of that, made in
 * milliseconds: one megabyte is compressed once with an empty window and once with a window
 * of zeros, each ending on a byte boundary (a sync flush), and the second is repeated; an empty
 * final block ends the stream.
 */
export function zeros(megabytes: number): Uint8Array {
  const chunk = Buffer.alloc(1024 * 1024);
  const options = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const first = deflateRawSync(chunk, options);
  const next = deflateRawSync(chunk, { ...options, dictionary: chunk.subarray(-32768) });
  const blocks = Array.from({ length: megabytes - 1 }, () => next);
  return new Uint8Array(Buffer.concat([first, ...blocks, Buffer.from([0x03, 0x00])]));
}

export function writeZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.declaredSize, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(e.data));
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
