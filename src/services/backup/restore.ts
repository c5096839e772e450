/**
 * Restoring a backup into an empty workspace: a preview that writes nothing, and an apply that
 * writes every row in one transaction or nothing at all.
 *
 * Records keep their ids, so backup → restore → backup gives the same archive. Ids are unique
 * across a database, so a backup cannot be restored into the database it came from while its
 * records are still there; that is refused with a clear message instead of a constraint error.
 * (Remapping ids is not done: ids also live inside text and jsonb — reminder keys, merge
 * snapshots, former employers — where no generic rule can find them.)
 *
 * Rows are inserted in batches with `json_populate_recordset`, which lets the database parse
 * each value with the column's own type: microseconds, jsonb and arrays arrive exactly.
 */
import { eq, sql } from 'drizzle-orm';
import { users, workspaces } from '../../db/schema.js';
import {
  type BackupManifest,
  fileEntry,
  type OpenedArchive,
  openArchive,
  type Row,
  readTableRows,
  tableEntry,
} from '../../domain/backup-format.js';
import { AppError } from '../../domain/errors.js';
import { type Ctx, inTransaction } from '../context.js';
import { ident, knownSchemas, rowsOf, scopeOf } from './backup-sql.js';
import { type BackupTable, backupTables, EXCLUDED_TABLES } from './backup-tables.js';
import { batchRefusal, databaseErrorOf, rowRefusal, singleRowRefusal } from './restore-errors.js';

/** Rows a statement inserts: big enough to be fast, small enough for a document's bytes. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

export interface RestorePreview {
  /** False for a preview: nothing was written. */
  applied: boolean;
  backup: { createdAt: string; appVersion: string; schema: string; version: number; workspaceName: string };
  /** Rows per table, in restore order; tables with no rows included. */
  tables: { name: string; rows: number }[];
  totalRows: number;
  files: number;
  /** Why this workspace cannot take the backup, or null when it can. */
  blocker: string | null;
}

export interface RestoreProgress {
  done: number;
  total: number;
}

interface Plan {
  archive: OpenedArchive;
  tables: { table: BackupTable; rows: Row[] }[];
  preview: RestorePreview;
}

/** An id that can be looked up; any other is refused when its row is inserted, naming the row. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tables with a `built_in` column hold rows the app adds by itself; they do not make a workspace "used". */
const hasBuiltIn = (t: BackupTable) => t.columns.some((c) => c.name === 'built_in');

function readRows(archive: OpenedArchive, tables: BackupTable[]): Plan['tables'] {
  const known = new Set(tables.map((t) => t.name));
  for (const name of Object.keys(archive.manifest.counts)) {
    if (!known.has(name) && !(name in EXCLUDED_TABLES)) {
      throw new AppError('validation', {
        userMessage: `This backup has a table "${name}" that this version of Rapport does not know. Update Rapport, then restore it again.`,
        issues: [{ field: 'file', message: `unknown table ${name}` }],
      });
    }
  }
  return tables.map((table) => {
    const rows = readTableRows(archive.entries, table.name, archive.manifest.counts[table.name] ?? 0);
    const columns = new Set(table.columns.filter((c) => !c.binary).map((c) => c.name));
    for (const [i, row] of rows.entries()) {
      const unknown = Object.keys(row).find((k) => !columns.has(k));
      if (unknown) {
        const column = JSON.stringify(unknown.length > 60 ? `${unknown.slice(0, 60)}…` : unknown);
        const where = `entry ${tableEntry(table.name)}, row ${i + 1}, column ${column}`;
        throw new AppError('validation', {
          userMessage: `${where}: this version of Rapport has no such column. If a newer Rapport made this backup, update Rapport, then restore it again.`,
          issues: [{ field: 'file', message: `${where}: unknown column` }],
        });
      }
      // PostgreSQL text and jsonb cannot hold NUL: found here, the preview names it too.
      const nul =
        JSON.stringify(row).includes('\\u0000') &&
        Object.keys(row).find((k) => JSON.stringify(row[k] ?? null).includes('\\u0000'));
      if (nul) {
        throw rowRefusal(table, i + 1, nul, 'holds a NUL character (\\u0000), which no text can hold');
      }
      for (const column of table.columns.filter((c) => c.binary)) {
        const name = fileEntry(table.name, column.name, String(row.id));
        const bytes = archive.entries[name];
        if (!bytes) {
          throw new AppError('validation', {
            userMessage: `This backup is incomplete: ${tableEntry(table.name)} row ${i + 1} needs the file ${name}, which is missing.`,
            issues: [{ field: 'file', message: `missing ${name}` }],
          });
        }
      }
    }
    return { table, rows };
  });
}

/** Why the workspace cannot take this backup (not empty, or the records exist already), or null. */
async function blockerFor(ctx: Ctx, tables: Plan['tables']): Promise<string | null> {
  const used: string[] = [];
  for (const { table } of tables) {
    const [row] = await rowsOf<{ n: number }>(
      ctx,
      sql`select count(*)::int as n from ${ident(table.name)} where ${scopeOf(ctx, table)}
          ${hasBuiltIn(table) ? sql`and not built_in` : sql``}`,
    );
    if ((row?.n ?? 0) > 0) used.push(table.name.replace(/_/g, ' '));
  }
  if (used.length) {
    return `A backup can only be restored into an empty workspace, and this one already has ${used.slice(0, 3).join(', ')}${used.length > 3 ? ' and more' : ''}. Start Rapport with a new data folder (rapport serve --data <new folder>) and restore there.`;
  }
  for (const { table, rows } of tables) {
    if (!table.hasId || !rows.length) continue;
    const [row] = await rowsOf<{ n: number }>(
      ctx,
      sql`select count(*)::int as n from ${ident(table.name)}
          where id = any(${sql.param(rows.map((r) => String(r.id)).filter((id) => UUID.test(id)))}::uuid[])`,
    );
    if ((row?.n ?? 0) > 0) {
      return 'The records in this backup are already in this database (it was probably made here), so it cannot be restored a second time. Restore it into a new data folder or another database.';
    }
  }
  return null;
}

function previewOf(archive: OpenedArchive, tables: Plan['tables'], blocker: string | null): RestorePreview {
  const m: BackupManifest = archive.manifest;
  return {
    applied: false,
    backup: {
      createdAt: m.createdAt,
      appVersion: m.appVersion,
      schema: m.schema,
      version: m.version,
      workspaceName: archive.workspace.name,
    },
    tables: tables.map(({ table, rows }) => ({ name: table.name, rows: rows.length })),
    totalRows: tables.reduce((n, t) => n + t.rows.length, 0),
    files: Object.keys(archive.entries).filter((e) => e.startsWith('files/')).length,
    blocker,
  };
}

async function plan(ctx: Ctx, bytes: Uint8Array): Promise<Plan> {
  const all = backupTables();
  const layout = {
    tables: all.map((t) => ({
      name: t.name,
      binaryColumns: t.columns.filter((c) => c.binary).map((c) => c.name),
    })),
  };
  const archive = openArchive(bytes, knownSchemas(), layout);
  const tables = readRows(archive, all);
  const blocker = await blockerFor(ctx, tables);
  return { archive, tables, preview: previewOf(archive, tables, blocker) };
}

/** What restoring this archive would do; checks everything and writes nothing. */
export async function previewRestore(ctx: Ctx & { bytes: Uint8Array }): Promise<RestorePreview> {
  return (await plan(ctx, ctx.bytes)).preview;
}

/** Rows in batches, each with the number (1-based) of its first row in the entry. */
function batches(rows: Row[]): { rows: Row[]; first: number }[] {
  const out: { rows: Row[]; first: number }[] = [];
  let current: Row[] = [];
  let size = 0;
  for (const [i, row] of rows.entries()) {
    const rowSize = JSON.stringify(row).length;
    if (current.length && (current.length >= BATCH_ROWS || size + rowSize > BATCH_BYTES)) {
      out.push({ rows: current, first: i - current.length + 1 });
      current = [];
      size = 0;
    }
    current.push(row);
    size += rowSize;
  }
  if (current.length) out.push({ rows: current, first: rows.length - current.length + 1 });
  return out;
}

/**
 * Runs one insert under a savepoint, so that a refused batch leaves the transaction usable
 * for finding the row at fault.
 */
async function attempt(ctx: Ctx, insert: () => Promise<unknown>): Promise<unknown> {
  await ctx.db.execute(sql`savepoint restore_batch`);
  try {
    await insert();
  } catch (err) {
    await ctx.db.execute(sql`rollback to savepoint restore_batch`);
    return err;
  }
  await ctx.db.execute(sql`release savepoint restore_batch`);
  return null;
}

/**
 * The refusal for a batch the database did not take: the row and column its error names, or
 * else the first row that the database refuses on its own with the same error.
 */
async function refusalFor(
  ctx: Ctx,
  err: unknown,
  table: BackupTable,
  batch: { rows: Row[]; first: number },
  insert: (rows: Row[]) => Promise<unknown>,
): Promise<AppError> {
  const error = databaseErrorOf(err);
  if (!error) throw err;
  const located = batchRefusal(error, table, batch.rows, batch.first);
  if (located) return located;
  for (const [i, row] of batch.rows.entries()) {
    const alone = databaseErrorOf(await attempt(ctx, () => insert([row])));
    if (alone?.code === error.code) return singleRowRefusal(alone, table, row, batch.first + i);
  }
  const last = batch.first + batch.rows.length - 1;
  return new AppError('validation', {
    userMessage: `entry ${tableEntry(table.name)}, rows ${batch.first} to ${last}: these rows do not fit together in this database. This backup was changed or damaged after Rapport made it; nothing was restored.`,
    issues: [
      { field: 'file', message: `${tableEntry(table.name)}, rows ${batch.first} to ${last} do not fit` },
    ],
  });
}

async function insertTable(
  ctx: Ctx,
  archive: OpenedArchive,
  table: BackupTable,
  rows: Row[],
  report: (n: number) => void,
) {
  const present = new Set(rows.flatMap((r) => Object.keys(r)));
  const columns = table.columns.filter((c) => c.binary || present.has(c.name));
  const binary = columns.filter((c) => c.binary);
  const withFiles: Row[] = binary.length
    ? rows.map((r) => {
        const copy = { ...r };
        for (const c of binary) {
          const bytes = archive.entries[fileEntry(table.name, c.name, String(r.id))]!;
          copy[c.name] =
            `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
        }
        return copy;
      })
    : rows;
  const names = columns.map((c) => c.name);
  const target = sql.join([...names, ...(table.workspaceScoped ? ['workspace_id'] : [])].map(ident), sql`, `);
  const values = sql.join(
    [
      ...names.map((n) => sql`r.${ident(n)}`),
      ...(table.workspaceScoped ? [sql`${ctx.workspaceId}::uuid`] : []),
    ],
    sql`, `,
  );
  const overriding = columns.some((c) => c.identity) ? sql`overriding system value` : sql``;
  const insert = (batch: Row[]) =>
    ctx.db.execute(sql`
        insert into ${ident(table.name)} (${target}) ${overriding}
        select ${values} from json_populate_recordset(null::${ident(table.name)}, ${JSON.stringify(batch)}::json) r`);
  for (const batch of batches(withFiles)) {
    const err = await attempt(ctx, () => insert(batch.rows));
    if (err) throw await refusalFor(ctx, err, table, batch, insert);
    report(batch.rows.length);
  }
  for (const c of columns.filter((col) => col.identity)) {
    // Later steps must sort after the restored ones, so the sequence moves past them.
    await ctx.db.execute(sql`
      select setval(pg_get_serial_sequence(${table.name}, ${c.name}), (select max(${ident(c.name)}) from ${ident(table.name)}))`);
  }
}

/**
 * Restores the archive into the context's workspace, which must be empty apart from the rows
 * the app adds by itself (the built-in questions and templates, replaced by the backup's).
 * The workspace takes the backup's name and settings, and the user the owner's name, e-mail and
 * time zone. `onProgress` hears how many rows have been written.
 */
export async function applyRestore(
  ctx: Ctx & { bytes: Uint8Array; onProgress?: (progress: RestoreProgress) => void },
): Promise<RestorePreview> {
  return inTransaction(ctx, async (tx) => {
    const { archive, tables, preview } = await plan(tx, ctx.bytes);
    if (preview.blocker) throw new AppError('conflict', { userMessage: preview.blocker });
    let done = 0;
    const report = (n: number) => {
      done += n;
      ctx.onProgress?.({ done, total: preview.totalRows });
    };
    report(0);
    for (const { table } of [...tables].reverse()) {
      if (hasBuiltIn(table))
        await tx.db.execute(sql`delete from ${ident(table.name)} where ${scopeOf(tx, table)}`);
    }
    await tx.db
      .update(workspaces)
      .set({ name: archive.workspace.name, settings: archive.workspace.settings as object })
      .where(eq(workspaces.id, ctx.workspaceId));
    const { owner } = archive.workspace;
    await tx.db
      .update(users)
      .set({ name: owner.name, email: owner.email, timeZone: owner.timeZone })
      .where(eq(users.id, ctx.userId));
    for (const { table, rows } of tables) {
      if (rows.length) await insertTable(tx, archive, table, rows, report);
    }
    return { ...preview, applied: true };
  });
}
