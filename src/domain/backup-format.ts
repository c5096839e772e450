/**
 * The backup archive: a zip holding `manifest.json`, `workspace.json`, one `tables/<name>.json`
 * per table (rows sorted by primary key, one row a line) and each binary value (document bytes)
 * as its own `files/<table>/<column>/<id>` entry. Pure: building and reading archives, and
 * telling a user exactly what is wrong with a file that is not a backup this version can read.
 */
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { AppError } from './errors.js';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;
/** The largest backup accepted for a restore; documents are the bulk of a workspace. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

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
 */
export function openArchive(bytes: Uint8Array, knownSchemas: readonly string[]): OpenedArchive {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw notABackup('it is not a zip archive. Choose the rapport-backup-….zip file that Rapport made.');
  }
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
  const workspace = parseJsonEntry(entries, WORKSPACE_ENTRY);
  if (!isObject(workspace) || typeof workspace.name !== 'string' || !isObject(workspace.owner)) {
    throw notABackup('workspace.json has no workspace name or owner.');
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
  const name = tableEntry(table);
  const bytes = entries[name];
  if (!bytes) {
    if (expected === 0) return [];
    throw notABackup(`it has no ${name}, but its manifest counts ${expected} rows there.`);
  }
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
  if (rows.length !== expected) {
    throw notABackup(`${name} holds ${rows.length} rows but its manifest counts ${expected}.`);
  }
  return rows as Row[];
}

/** `rapport-backup-2026-11-23.zip`, dated in the user's day. */
export function backupFileName(localDate: string): string {
  return `rapport-backup-${localDate}.zip`;
}
