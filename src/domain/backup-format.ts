/**
 * The backup archive: a zip holding `manifest.json`, `workspace.json`, one `tables/<name>.json`
 * per table (rows sorted by primary key, one row a line) and each binary value (document bytes)
 * as its own `files/<table>/<column>/<id>` entry. Pure: building and reading archives, and
 * telling a user exactly what is wrong with a file that is not a backup this version can read.
 */
import { strFromU8, strToU8, type Zippable, zipSync } from 'fflate';
import {
  INFLATE_STEPS_PER_TURN,
  inflateSteps,
  readCentralDirectory,
  type ZipLimits,
} from './backup-unzip.js';
import { AppError } from './errors.js';
import { MAX_DOCUMENT_BYTES } from './file-type.js';
import { runSteps, runStepsInTurns } from './steps.js';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;
/** The largest backup accepted for a restore; documents are the bulk of a workspace. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/*
 * Caps on what an archive may inflate to, chosen from what a real workspace needs, so that a
 * small upload can never make the server inflate gigabytes:
 * - manifest.json and workspace.json are a few kilobytes (settings included): 1 MB each.
 * - one table file: 256 MB. A workspace of 100,000 people with long notes is about 100 MB of
 *   JSON; the cap also keeps the text under V8's largest string (about 512 MB), so it can be parsed.
 * - one document: the documents limit (MAX_DOCUMENT_BYTES), as no larger one can be uploaded.
 * - everything together: 512 MB, room for the tables above and 200 MB of documents (documents
 *   hardly compress, and the upload itself is at most 200 MB).
 * - entries: the two JSON files, one per table, and up to 50,000 documents.
 */
export const MAX_SMALL_ENTRY_BYTES = 1024 * 1024;
export const MAX_TABLE_ENTRY_BYTES = 256 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
export const MAX_FILE_ENTRIES = 50_000;

/** The tables this version backs up and their binary columns: the only entries an archive may hold. */
export interface ArchiveLayout {
  tables: { name: string; binaryColumns: string[] }[];
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  appVersion: string;
  /** The latest database migration the archive's rows were written under. */
  schema: string;
  /** Rows per table, as stored in the archive. */
  counts: Record<string, number>;
}

/** What travels instead of the workspace and user rows (see EXCLUDED_TABLES). */
export interface BackupWorkspace {
  name: string;
  settings: unknown;
  owner: { name: string; email: string | null; timeZone: string };
}

export type Row = Record<string, unknown>;

export const MANIFEST_ENTRY = 'manifest.json';
export const WORKSPACE_ENTRY = 'workspace.json';
export const tableEntry = (table: string) => `tables/${table}.json`;
export const fileEntry = (table: string, column: string, id: string) => `files/${table}/${column}/${id}`;

/** One row a line: diffs of two archives read like diffs of the data, and errors can name lines. */
export function rowsToJson(rows: Row[]): string {
  if (!rows.length) return '[]\n';
  return `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

/** Builds the zip. Entry times are the backup's own time, so the bytes depend only on the content. */
export function buildArchive(entries: Record<string, Uint8Array | string>, createdAt: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const name of Object.keys(entries).sort()) {
    const value = entries[name]!;
    const bytes = typeof value === 'string' ? strToU8(value) : value;
    zippable[name] = [bytes, { mtime: createdAt, level: name.startsWith('files/') ? 1 : 6 }];
  }
  return zipSync(zippable);
}

function notABackup(problem: string): AppError {
  return new AppError('validation', {
    userMessage: `This file is not a Rapport backup we can restore: ${problem}`,
    issues: [{ field: 'file', message: problem }],
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The names and sizes an archive of this layout may hold. Without a layout (tests of the
 * format alone), any table or file name of the format's shape is accepted.
 */
export function archiveLimits(layout?: ArchiveLayout): ZipLimits {
  const tables = layout ? new Map(layout.tables.map((t) => [t.name, new Set(t.binaryColumns)])) : null;
  const shaped = /^[a-z][a-z0-9_]*$/;
  const tableKnown = (name: string) => (tables ? tables.has(name) : shaped.test(name));
  const refuseName = (name: string): string | null => {
    if (name === MANIFEST_ENTRY || name === WORKSPACE_ENTRY) return null;
    const table = /^tables\/([^/]+)\.json$/.exec(name);
    if (table) {
      if (tableKnown(table[1]!)) return null;
      return shaped.test(table[1]!)
        ? `This backup has a table "${table[1]}" that this version of Rapport does not know. Update Rapport, then restore it again.`
        : `The archive holds an entry named ${JSON.stringify(name.slice(0, 100))}, which no Rapport backup has. This is not a Rapport backup, or it is damaged.`;
    }
    const file = /^files\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(name);
    if (file && UUID.test(file[3]!)) {
      const [, t, column] = file;
      if (tables ? tables.get(t!)?.has(column!) : shaped.test(t!) && shaped.test(column!)) return null;
    }
    return `The archive holds an entry named ${JSON.stringify(name.slice(0, 100))}, which no Rapport backup has. This is not a Rapport backup, or it is damaged.`;
  };
  return {
    maxEntries: 2 + (layout ? layout.tables.length : 1000) + MAX_FILE_ENTRIES,
    maxTotalBytes: MAX_INFLATED_BYTES,
    refuseName,
    capOf: (name) =>
      name.startsWith('files/')
        ? MAX_DOCUMENT_BYTES
        : name.startsWith('tables/')
          ? MAX_TABLE_ENTRY_BYTES
          : MAX_SMALL_ENTRY_BYTES,
  };
}

/** An archive's entries, checked: a zip, with a manifest this version of Rapport understands. */
export interface OpenedArchive {
  manifest: BackupManifest;
  workspace: BackupWorkspace;
  entries: Record<string, Uint8Array>;
}

function parseJsonEntry(entries: Record<string, Uint8Array>, name: string): unknown {
  const bytes = entries[name];
  if (!bytes) throw notABackup(`it has no ${name}.`);
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw notABackup(`${name} is not valid JSON.`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Opens an archive and checks its manifest. `knownSchemas` are the migration tags this version
 * knows: an archive written under a later one came from a newer Rapport and is refused.
 * `layout` names the tables and binary columns this version has: any other entry, too many
 * entries or sizes past the caps above are refused before anything is inflated.
 */
export function openArchive(
  bytes: Uint8Array,
  knownSchemas: readonly string[],
  layout?: ArchiveLayout,
): OpenedArchive {
  return runSteps(openArchiveSteps(bytes, knownSchemas, layout));
}

/**
 * `openArchive` a few hundred kilobytes at a time, awaiting `pause` in between: a server
 * restoring a large backup answers other requests meanwhile.
 */
export function openArchiveInTurns(
  bytes: Uint8Array,
  knownSchemas: readonly string[],
  layout: ArchiveLayout | undefined,
  pause: () => Promise<void>,
): Promise<OpenedArchive> {
  return runStepsInTurns(openArchiveSteps(bytes, knownSchemas, layout), pause, INFLATE_STEPS_PER_TURN);
}

function* openArchiveSteps(
  bytes: Uint8Array,
  knownSchemas: readonly string[],
  layout?: ArchiveLayout,
): Generator<void, OpenedArchive> {
  const listed = readCentralDirectory(bytes, archiveLimits(layout));
  const entries: Record<string, Uint8Array> = {};
  // The manifest first: an archive from a newer version is refused before the rest is inflated.
  const manifestEntry = listed.find((e) => e.name === MANIFEST_ENTRY);
  if (manifestEntry) entries[MANIFEST_ENTRY] = yield* inflateSteps(bytes, manifestEntry);
  const manifest = parseJsonEntry(entries, MANIFEST_ENTRY);
  if (!isObject(manifest) || manifest.format !== BACKUP_FORMAT) {
    throw notABackup('its manifest.json does not say format "rapport-backup".');
  }
  if (typeof manifest.version !== 'number' || !Number.isInteger(manifest.version) || manifest.version < 1) {
    throw notABackup('its manifest.json has no valid version number.');
  }
  if (
    manifest.version > BACKUP_VERSION ||
    (typeof manifest.schema === 'string' && !knownSchemas.includes(manifest.schema))
  ) {
    throw new AppError('validation', {
      userMessage: `This backup was made by a newer version of Rapport (backup format ${manifest.version}, database ${String(manifest.schema)}). Update Rapport, then restore it again.`,
      issues: [{ field: 'file', message: 'made by a newer version of Rapport' }],
    });
  }
  if (typeof manifest.schema !== 'string' || !isObject(manifest.counts)) {
    throw notABackup('its manifest.json has no schema or no counts.');
  }
  for (const [table, n] of Object.entries(manifest.counts)) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw notABackup(`manifest.json: the count of ${table} is not a whole number.`);
    }
  }
  for (const entry of listed) {
    if (!entries[entry.name]) entries[entry.name] = yield* inflateSteps(bytes, entry);
    yield;
  }
  const workspace = parseJsonEntry(entries, WORKSPACE_ENTRY);
  if (!isObject(workspace) || typeof workspace.name !== 'string' || !isObject(workspace.owner)) {
    throw notABackup('workspace.json has no workspace name or owner.');
  }
  if (JSON.stringify(workspace).includes('\\u0000')) {
    throw notABackup('workspace.json holds a NUL character (\\u0000), which no text can hold.');
  }
  const owner = workspace.owner;
  if (typeof owner.name !== 'string' || typeof owner.timeZone !== 'string') {
    throw notABackup('workspace.json: the owner needs a name and a time zone.');
  }
  return {
    manifest: manifest as unknown as BackupManifest,
    workspace: {
      name: workspace.name,
      settings: workspace.settings ?? {},
      owner: {
        name: owner.name,
        email: typeof owner.email === 'string' ? owner.email : null,
        timeZone: owner.timeZone,
      },
    },
    entries,
  };
}

/**
 * Reads one table's rows. A file that does not parse is refused with the entry's name and,
 * when the archive keeps its one-row-a-line shape, the line that is broken.
 */
export function readTableRows(entries: Record<string, Uint8Array>, table: string, expected: number): Row[] {
  return runSteps(readTableRowsSteps(entries, table, expected));
}

/**
 * `readTableRows` a few hundred kilobytes at a time, awaiting `pause` in between: a server
 * restoring a large backup answers other requests meanwhile.
 */
export function readTableRowsInTurns(
  entries: Record<string, Uint8Array>,
  table: string,
  expected: number,
  pause: () => Promise<void>,
): Promise<Row[]> {
  return runStepsInTurns(readTableRowsSteps(entries, table, expected), pause);
}

/** Bytes of a table entry read between two pauses. */
const ROWS_PIECE_BYTES = 256 * 1024;

/**
 * The rows of an entry in the archive's own shape — `[`, one row a line each followed by a comma
 * but the last, `]` — read a piece at a time; null when the entry has any other shape, which is
 * then read in one go (the same rows, or the same refusal).
 */
function* rowsByLine(bytes: Uint8Array): Generator<void, Row[] | null> {
  const rows: Row[] = [];
  // Before `[`; expecting a row or `]`; after the last row (no comma), expecting `]`; after `]`.
  let state: 'start' | 'rows' | 'end' | 'closed' = 'start';
  for (let at = 0; at < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, Math.min(at + ROWS_PIECE_BYTES, bytes.length - 1));
    const end = newline < 0 ? bytes.length : newline + 1;
    const lines = strFromU8(bytes.subarray(at, end)).split('\n');
    at = end;
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      if (state === 'start') {
        if (line !== '[') return null;
        state = 'rows';
      } else if (line === ']') {
        if (state === 'closed' || (state === 'rows' && rows.length)) return null;
        state = 'closed';
      } else {
        if (state !== 'rows') return null;
        const last = !line.endsWith(',');
        let row: unknown;
        try {
          row = JSON.parse(last ? line : line.slice(0, -1));
        } catch {
          return null;
        }
        if (!isObject(row)) return null;
        rows.push(row);
        if (last) state = 'end';
      }
    }
    yield;
  }
  return state === 'closed' ? rows : null;
}

function* readTableRowsSteps(
  entries: Record<string, Uint8Array>,
  table: string,
  expected: number,
): Generator<void, Row[]> {
  const name = tableEntry(table);
  const bytes = entries[name];
  if (!bytes) {
    if (expected === 0) return [];
    throw notABackup(`it has no ${name}, but its manifest counts ${expected} rows there.`);
  }
  const rows = (yield* rowsByLine(bytes)) ?? rowsInOneGo(name, bytes);
  if (rows.length !== expected) {
    throw notABackup(`${name} holds ${rows.length} rows but its manifest counts ${expected}.`);
  }
  return rows;
}

function rowsInOneGo(name: string, bytes: Uint8Array): Row[] {
  const text = strFromU8(bytes);
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    const lines = text.split('\n');
    const bad = lines.findIndex((line, i) => {
      const trimmed = line.trim().replace(/,$/, '');
      if (!trimmed || (i === 0 && trimmed === '[') || trimmed === ']') return false;
      try {
        JSON.parse(trimmed);
        return false;
      } catch {
        return true;
      }
    });
    const where = bad >= 0 ? ` (line ${bad + 1})` : '';
    throw notABackup(`${name} is not valid JSON${where}.`);
  }
  if (!Array.isArray(rows)) throw notABackup(`${name} must hold a list of rows.`);
  const badRow = rows.findIndex((r) => !isObject(r));
  if (badRow >= 0) throw notABackup(`${name}: row ${badRow + 1} is not an object.`);
  return rows as Row[];
}

/** `rapport-backup-2026-11-23.zip`, dated in the user's day. */
export function backupFileName(localDate: string): string {
  return `rapport-backup-${localDate}.zip`;
}
