/**
 * Restoring a backup into an empty workspace: a preview that writes nothing, and an apply that
 * writes every row or nothing at all (see `applyRestore`).
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
import { isEmbedded } from '../../db/client.js';
import { withoutWaitingForWal } from '../../db/durable-fs.js';
import { analyzeInSlices, PlanGrowth } from '../../db/maintenance.js';
import { users, workspaces } from '../../db/schema.js';
import { applyBatch, dropBatch, publishBatch, type Step, stageBatch, stageSteps } from '../../db/staged.js';
import {
  type BackupManifest,
  fileEntry,
  type OpenedArchive,
  openArchiveInTurns,
  type Row,
  readTableRowsInTurns,
  tableEntry,
} from '../../domain/backup-format.js';
import { AppError } from '../../domain/errors.js';
import { nextTurn } from '../../domain/steps.js';
import { type Ctx, inTransaction } from '../context.js';
import { ident, knownSchemas, rowsOf, scopeOf } from './backup-sql.js';
import { type BackupTable, backupTables, EXCLUDED_TABLES } from './backup-tables.js';
import { batchRefusal, databaseErrorOf, rowRefusal, singleRowRefusal } from './restore-errors.js';

/**
 * Rows a statement inserts: big enough to be fast, small enough for a document's bytes. On the
 * embedded database every other request waits for the statement: 500 people (with their search
 * indexes) held it for a few hundred milliseconds on a busy machine.
 */
const BATCH_ROWS = 100;
const BATCH_BYTES = 8 * 1024 * 1024;
/**
 * People fill four text-search and trigram indexes: 100 of them a statement took 24 ms of CPU at
 * the 90th percentile and up to 49 (20,000 people, load 8), the longest statements of a restore
 * by far, so they go in fifty at a time.
 */
const BATCH_ROWS_OF: Partial<Record<string, number>> = { people: 50 };

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

/** Rows checked between two turns of the event loop, so other requests are answered meanwhile. */
const YIELD_EVERY = 500;
/** Ids looked up by one statement when checking that the backup's records are not here already. */
const ID_CHECK_EVERY = 2000;

async function readRows(archive: OpenedArchive, tables: BackupTable[]): Promise<Plan['tables']> {
  const known = new Set(tables.map((t) => t.name));
  for (const name of Object.keys(archive.manifest.counts)) {
    if (!known.has(name) && !(name in EXCLUDED_TABLES)) {
      throw new AppError('validation', {
        userMessage: `This backup has a table "${name}" that this version of Rapport does not know. Update Rapport, then restore it again.`,
        issues: [{ field: 'file', message: `unknown table ${name}` }],
      });
    }
  }
  const out: Plan['tables'] = [];
  for (const table of tables) {
    await nextTurn();
    const expected = archive.manifest.counts[table.name] ?? 0;
    const rows = await readTableRowsInTurns(archive.entries, table.name, expected, nextTurn);
    const columns = new Set(table.columns.filter((c) => !c.binary).map((c) => c.name));
    for (const [i, row] of rows.entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
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
    out.push({ table, rows });
  }
  return out;
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
    const ids = rows.map((r) => String(r.id)).filter((id) => UUID.test(id));
    // A few thousand ids a statement, with a turn between two, so other requests are answered.
    for (let i = 0; i < ids.length; i += ID_CHECK_EVERY) {
      await nextTurn();
      const [row] = await rowsOf<{ n: number }>(
        ctx,
        sql`select count(*)::int as n from ${ident(table.name)}
            where id = any(${sql.param(ids.slice(i, i + ID_CHECK_EVERY))}::uuid[])`,
      );
      if ((row?.n ?? 0) > 0) {
        return 'The records in this backup are already in this database (it was probably made here), so it cannot be restored a second time. Restore it into a new data folder or another database.';
      }
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
  const archive = await openArchiveInTurns(bytes, knownSchemas(), layout, nextTurn);
  const tables = await readRows(archive, all);
  const blocker = await blockerFor(ctx, tables);
  return { archive, tables, preview: previewOf(archive, tables, blocker) };
}

/** What restoring this archive would do; checks everything and writes nothing. */
export async function previewRestore(ctx: Ctx & { bytes: Uint8Array }): Promise<RestorePreview> {
  return (await plan(ctx, ctx.bytes)).preview;
}

/** Rows in batches, each with the number (1-based) of its first row in the entry. */
async function batches(rows: Row[], maxRows: number): Promise<{ rows: Row[]; first: number }[]> {
  const out: { rows: Row[]; first: number }[] = [];
  let current: Row[] = [];
  let size = 0;
  for (const [i, row] of rows.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
    const rowSize = JSON.stringify(row).length;
    if (current.length && (current.length >= maxRows || size + rowSize > BATCH_BYTES)) {
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

/** Runs one batch's work: inside the restore's transaction, or in a short transaction of its own. */
type EachBatch = <T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>) => Promise<T>;

/** Whether batches are committed one by one, so other requests see (and plan for) the table as it fills. */
type Committed = 'each batch' | 'at the end';

async function insertTable(
  ctx: Ctx,
  archive: OpenedArchive,
  table: BackupTable,
  rows: Row[],
  report: (n: number) => void,
  each: EachBatch,
  committed: Committed,
) {
  // The columns the backup has values for, a few hundred rows a turn (20,000 people's keys in
  // one go held the server for 40-85 ms).
  const present = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
    for (const key of Object.keys(row)) present.add(key);
  }
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
  const insertWith = (tx: Ctx) => (batch: Row[]) =>
    tx.db.execute(sql`
        insert into ${ident(table.name)} (${target}) ${overriding}
        select ${values} from json_populate_recordset(null::${ident(table.name)}, ${JSON.stringify(batch)}::json) r`);
  const growth =
    committed === 'each batch'
      ? new PlanGrowth(ctx.db, table.name, table.workspaceScoped ? 'workspace_id' : table.columns[0]!.name)
      : null;
  for (const batch of await batches(withFiles, BATCH_ROWS_OF[table.name] ?? BATCH_ROWS)) {
    await each(ctx, async (tx) => {
      const insert = insertWith(tx);
      const err = await attempt(tx, () => insert(batch.rows));
      if (err) throw await refusalFor(tx, err, table, batch, insert);
    });
    report(batch.rows.length);
    await growth?.wrote(batch.rows.length);
  }
  for (const c of columns.filter((col) => col.identity)) {
    // Later steps must sort after the restored ones, so the sequence moves past them.
    await ctx.db.execute(sql`
      select setval(pg_get_serial_sequence(${table.name}, ${c.name}), (select max(${ident(c.name)}) from ${ident(table.name)}))`);
  }
}

/** Replaces the built-in rows and takes the backup's workspace name and settings, and owner. */
async function takeOver(tx: Ctx, archive: OpenedArchive, tables: Plan['tables']): Promise<void> {
  for (const { table } of [...tables].reverse()) {
    if (hasBuiltIn(table))
      await tx.db.execute(sql`delete from ${ident(table.name)} where ${scopeOf(tx, table)}`);
  }
  await tx.db
    .update(workspaces)
    .set({ name: archive.workspace.name, settings: archive.workspace.settings as object })
    .where(eq(workspaces.id, tx.workspaceId));
  const { owner } = archive.workspace;
  await tx.db
    .update(users)
    .set({ name: owner.name, email: owner.email, timeZone: owner.timeZone })
    .where(eq(users.id, tx.userId));
}

type RestoreCtx = Ctx & { bytes: Uint8Array; onProgress?: (progress: RestoreProgress) => void };

/**
 * Restores the archive into the context's workspace, which must be empty apart from the rows
 * the app adds by itself (the built-in questions and templates, replaced by the backup's).
 * The workspace takes the backup's name and settings, and the user the owner's name, e-mail and
 * time zone. `onProgress` hears how many rows have been written.
 *
 * On PostgreSQL this is one transaction; other connections go on meanwhile. The embedded
 * database has one connection, which a long transaction would hold for the whole restore, so
 * there each batch of rows is its own short transaction, and the workspace as it was (empty but
 * for its built-in rows) is first written down as a published batch of undo steps
 * (src/db/staged.ts): a refused row undoes the restore at once, a crash undoes it at the next
 * start, and deleting the undo steps once every row is in is what keeps the restore.
 */
export async function applyRestore(ctx: RestoreCtx): Promise<RestorePreview> {
  if (!isEmbedded(ctx.db)) {
    const restored = await inTransaction(ctx, (tx) => restoreInOneTransaction(tx, ctx));
    await analyzeRestored(ctx, restored);
    return restored;
  }
  // One restore at a time: a second one would find the workspace already being filled.
  const run = restoring.then(async () => {
    const restored = await restoreInShortTransactions(ctx);
    await analyzeRestored(ctx, restored);
    return restored;
  });
  restoring = run.catch(() => undefined);
  return run;
}

/**
 * Statistics for the tables the restore filled (PGlite has no autovacuum): without them every
 * query after a restore was planned for empty tables, or with none at all.
 */
function analyzeRestored(ctx: Ctx, restored: RestorePreview): Promise<void> {
  return analyzeInSlices(
    ctx.db,
    restored.tables.filter((t) => t.rows > 0).map((t) => t.name),
  );
}

let restoring: Promise<unknown> = Promise.resolve();

function progressOf(ctx: RestoreCtx, preview: RestorePreview): (n: number) => void {
  let done = 0;
  return (n) => {
    done += n;
    ctx.onProgress?.({ done, total: preview.totalRows });
  };
}

async function restoreInOneTransaction(tx: Ctx, ctx: RestoreCtx): Promise<RestorePreview> {
  const { archive, tables, preview } = await plan(tx, ctx.bytes);
  if (preview.blocker) throw new AppError('conflict', { userMessage: preview.blocker });
  const report = progressOf(ctx, preview);
  report(0);
  await takeOver(tx, archive, tables);
  for (const { table, rows } of tables) {
    if (rows.length) await insertTable(tx, archive, table, rows, report, (c, fn) => fn(c), 'at the end');
  }
  return { ...preview, applied: true };
}

/**
 * A short transaction for each batch, with a turn of the event loop after it. It never waits for
 * the disk (an fsync each, 8-300 ms on a busy disk, while every other request waited): its commit
 * does not flush the WAL, and a WAL file it fills is flushed on a background thread
 * (`withoutWaitingForWal`; 13 such files for a 20,000-person backup, 3 fsyncs each, were waited
 * for). If the machine stops first, the undo steps, written before any row, empty the workspace
 * again at the next start, and the commit that keeps the restore (dropping those steps) waits for
 * the disk and so flushes every batch before it.
 */
const shortTransaction: EachBatch = async (ctx, fn) => {
  const result = await withoutWaitingForWal(ctx.db, () =>
    inTransaction(ctx, async (tx) => {
      await tx.db.execute(sql`set local synchronous_commit = off`);
      return fn(tx);
    }),
  );
  await nextTurn();
  return result;
};

async function restoreInShortTransactions(ctx: RestoreCtx): Promise<RestorePreview> {
  const { archive, tables, preview } = await plan(ctx, ctx.bytes);
  if (preview.blocker) throw new AppError('conflict', { userMessage: preview.blocker });
  const undo = await writeUndo(ctx, tables);
  try {
    const report = progressOf(ctx, preview);
    report(0);
    await inTransaction(ctx, (tx) => takeOver(tx, archive, tables));
    for (const { table, rows } of tables) {
      if (rows.length) await insertTable(ctx, archive, table, rows, report, shortTransaction, 'each batch');
    }
  } catch (err) {
    await applyBatch(ctx.db, undo);
    throw err;
  }
  await dropBatch(ctx.db, undo);
  return { ...preview, applied: true };
}

/**
 * Writes down, as a published batch, the steps that put the workspace back as it is now: delete
 * every row of the restored tables, put the built-in rows back, and the workspace's and user's
 * names and settings. Nothing of the restore is written before this batch is.
 */
async function writeUndo(ctx: Ctx, tables: Plan['tables']): Promise<string> {
  const steps: Step[] = [];
  for (const { table } of [...tables].reverse()) {
    steps.push({ statement: sql`delete from ${ident(table.name)} where ${scopeOf(ctx, table)}`, rows: 0 });
  }
  for (const { table } of tables) {
    if (!hasBuiltIn(table)) continue;
    const names = [...table.columns.map((c) => c.name), ...(table.workspaceScoped ? ['workspace_id'] : [])];
    const list = sql.join(names.map(ident), sql`, `);
    const [kept] = await rowsOf<{ rows: string }>(
      ctx,
      sql`select coalesce(json_agg(t), '[]')::text as rows from (select ${list} from ${ident(table.name)} where ${scopeOf(ctx, table)}) t`,
    );
    const overriding = table.columns.some((c) => c.identity) ? sql`overriding system value` : sql``;
    steps.push({
      statement: sql`insert into ${ident(table.name)} (${list}) ${overriding}
        select ${list} from json_populate_recordset(null::${ident(table.name)}, ${kept!.rows}::json)`,
      rows: 0,
    });
  }
  const [workspace] = await ctx.db
    .select({ name: workspaces.name, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  steps.push({
    statement: sql`update workspaces set name = ${workspace!.name}::text, settings = ${JSON.stringify(workspace!.settings)}::jsonb
      where id = ${ctx.workspaceId}::uuid`,
    rows: 0,
  });
  const [user] = await ctx.db
    .select({ name: users.name, email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, ctx.userId));
  if (user) {
    steps.push({
      statement: sql`update users set name = ${user.name}::text, email = ${user.email}::text,
        time_zone = ${user.timeZone}::text where id = ${ctx.userId}::uuid`,
      rows: 0,
    });
  }
  const batch = await stageBatch(ctx.db, 'restore', ctx.now());
  await stageSteps(ctx.db, batch, 0, steps);
  await publishBatch(ctx.db, batch);
  return batch;
}
