/**
 * Reading an uploaded zip without trusting it. The central directory is read first, so an archive
 * with too many entries, an entry no backup has, or sizes past the caps is refused before a
 * single byte is inflated; each entry is then inflated in small steps with a running count that
 * stops the moment it passes what the entry declared, so a header that lies cannot make us
 * inflate gigabytes. Pure: bytes in, entries out.
 */
import { Inflate } from 'fflate';
import { AppError } from './errors.js';
import { runSteps } from './steps.js';

/** One entry as the central directory describes it. */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated; no other method is read. */
  method: number;
  compressedSize: number;
  /** The size the entry says it inflates to; checked while inflating. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** What an archive may hold: how many entries, which names, and how large each and all together. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Why this name is not one the format knows, or null when it is. */
  refuseName: (name: string) => string | null;
  /** The largest size an entry of this name may inflate to. */
  capOf: (name: string) => number;
}

/** Compressed bytes handed to the inflater at a time: deflate's worst ratio (about 1032:1) keeps one step under 17 MB. */
const STEP = 16 * 1024;

const SIG_END = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const megabytes = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

function refuse(problem: string, code: 'validation' | 'too_large' = 'validation'): AppError {
  return new AppError(code, {
    userMessage: `${problem} This is not a Rapport backup, or it is damaged.`,
    issues: [{ field: 'file', message: problem }],
  });
}

const notAZip = () =>
  new AppError('validation', {
    userMessage:
      'This file is not a Rapport backup we can restore: it is not a zip archive. Choose the rapport-backup-….zip file that Rapport made.',
    issues: [{ field: 'file', message: 'not a zip archive' }],
  });

/** The entries listed in the archive's central directory, checked against `limits`. */
export function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notAZip();
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  let p = view.getUint32(end + 16, true);
  if (count === 0xffff || p === 0xffffffff) {
    throw refuse('The archive uses the zip64 format, which Rapport never writes.');
  }
  if (count > limits.maxEntries) {
    throw refuse(
      `The archive lists ${count.toLocaleString('en')} entries, more than a backup can have (${limits.maxEntries.toLocaleString('en')}).`,
      'too_large',
    );
  }
  if (p + directorySize > end) throw notAZip();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: ZipEntryInfo[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG_CENTRAL) {
      throw refuse(`The archive's list of entries is broken at entry ${i + 1}.`);
    }
    const nameLength = view.getUint16(p + 28, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const entry: ZipEntryInfo = {
      name,
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    };
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (name.endsWith('/') && entry.size === 0) continue; // a folder, as some zip tools add
    const unknown = limits.refuseName(name);
    if (unknown)
      throw new AppError('validation', {
        userMessage: unknown,
        issues: [{ field: 'file', message: unknown }],
      });
    if (seen.has(name)) throw refuse(`The archive holds the entry ${name} twice.`);
    seen.add(name);
    if (entry.method !== 0 && entry.method !== 8) {
      throw refuse(`The entry ${name} is compressed with a method Rapport does not write.`);
    }
    const cap = limits.capOf(name);
    if (entry.size > cap) {
      throw refuse(
        `The backup's entry ${name} would inflate to ${megabytes(entry.size)}, more than the ${megabytes(cap)} such an entry can hold.`,
        'too_large',
      );
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw refuse(
        `The backup would inflate to more than ${megabytes(limits.maxTotalBytes)}, more than any Rapport workspace holds.`,
        'too_large',
      );
    }
    entries.push(entry);
  }
  return entries;
}

/**
 * The bytes of one entry. Inflating stops as soon as the output passes the size the central
 * directory declared (already checked against the caps), so the work done is bounded by the
 * caps whatever the compressed stream holds.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  return runSteps(inflateSteps(bytes, entry));
}

/** Compressed steps inflated between two pauses: about 256 KB, a few milliseconds of work. */
export const INFLATE_STEPS_PER_TURN = 16;

/** `inflateEntry` as steps: it yields after each `STEP` of compressed bytes it inflates. */
export function* inflateSteps(bytes: Uint8Array, entry: ZipEntryInfo): Generator<void, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== SIG_LOCAL) {
    throw refuse(`The entry ${entry.name} is not where the archive says it is.`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) {
    throw refuse(`The entry ${entry.name} is cut short.`);
  }
  const lied = () =>
    refuse(
      `The backup's entry ${entry.name} inflates to more than the ${entry.size.toLocaleString('en')} bytes it declares.`,
      'too_large',
    );
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw lied();
    return data;
  }
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) throw lied();
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let p = 0; p < data.length || p === 0; p += STEP) {
      const last = p + STEP >= data.length;
      inflater.push(data.subarray(p, Math.min(p + STEP, data.length)), last);
      if (last) break;
      yield;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse(`The entry ${entry.name} cannot be inflated.`);
  }
  if (written !== entry.size) {
    throw refuse(
      `The entry ${entry.name} inflates to ${written.toLocaleString('en')} bytes, not the ${entry.size.toLocaleString('en')} it declares.`,
    );
  }
  return out;
}
