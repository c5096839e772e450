/**
 * Backing up a whole workspace into one versioned archive (format in src/domain/backup-format.ts).
 *
 * Rows are read as JSON made by the database itself, in a transaction whose time zone is UTC:
 * timestamps keep their microseconds, jsonb and arrays come out exactly, and the archive reads
 * the same whether it was made on PGlite or PostgreSQL.
 */
import { eq, sql } from 'drizzle-orm';
import { users, workspaces } from '../../db/schema.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupManifest,
  type BackupWorkspace,
  backupFileName,
  buildArchive,
  fileEntry,
  MANIFEST_ENTRY,
  type Row,
  rowsToJson,
  tableEntry,
  WORKSPACE_ENTRY,
} from '../../domain/backup-format.js';
import { type Ctx, inTransaction } from '../context.js';
import { getSettings } from '../settings/settings.js';
import { appVersion, ident, knownSchemas, rowsOf, scopeOf } from './backup-sql.js';
import { backupTables } from './backup-tables.js';

export interface Backup {
  bytes: Uint8Array;
  fileName: string;
  manifest: BackupManifest;
}

/** The archive's entries before zipping: what "the same archive content" means in tests. */
export interface BackupContent {
  manifest: BackupManifest;
  entries: Record<string, Uint8Array | string>;
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new Error('A binary column did not come back as bytes.');
}

/** Reads every backed-up table of the workspace. */
export async function backupContent(ctx: Ctx): Promise<BackupContent> {
  return inTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`set local time zone 'UTC'`);
    const entries: Record<string, Uint8Array | string> = {};
    const counts: Record<string, number> = {};
    for (const t of backupTables()) {
      const plain = t.columns.filter((c) => !c.binary);
      const list = sql.join(
        plain.map((c) => ident(c.name)),
        sql`, `,
      );
      const order = sql.join(
        t.orderBy.map((c) => sql`r.${ident(c)}`),
        sql`, `,
      );
      const [result] = await rowsOf<{ rows: Row[] | string }>(
        tx,
        sql`select coalesce(json_agg(r order by ${order}), '[]'::json) as rows
            from (select ${list} from ${ident(t.name)} where ${scopeOf(tx, t)}) r`,
      );
      const raw = result?.rows ?? [];
      const rows = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Row[];
      counts[t.name] = rows.length;
      entries[tableEntry(t.name)] = rowsToJson(rows);
      for (const column of t.columns.filter((c) => c.binary)) {
        const files = await rowsOf<{ id: string; bytes: unknown }>(
          tx,
          sql`select id::text as id, ${ident(column.name)} as bytes from ${ident(t.name)}
              where ${scopeOf(tx, t)} and ${ident(column.name)} is not null order by id`,
        );
        for (const f of files) entries[fileEntry(t.name, column.name, f.id)] = toBytes(f.bytes);
      }
    }
    const [ws] = await tx.db
      .select({ name: workspaces.name, settings: workspaces.settings })
      .from(workspaces)
      .where(eq(workspaces.id, ctx.workspaceId));
    const [owner] = await tx.db
      .select({ name: users.name, email: users.email, timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, ctx.userId));
    const workspace: BackupWorkspace = {
      name: ws?.name ?? 'My workspace',
      settings: ws?.settings ?? {},
      owner: owner ?? { name: 'Me', email: null, timeZone: 'UTC' },
    };
    entries[WORKSPACE_ENTRY] = `${JSON.stringify(workspace, null, 2)}\n`;
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: ctx.now().toISOString(),
      appVersion: appVersion(),
      schema: knownSchemas().at(-1)!,
      counts,
    };
    entries[MANIFEST_ENTRY] = `${JSON.stringify(manifest, null, 2)}\n`;
    return { manifest, entries };
  });
}

/** The whole workspace as one zip, named by the user's date. */
export async function createBackup(ctx: Ctx): Promise<Backup> {
  const { manifest, entries } = await backupContent(ctx);
  const settings = await getSettings(ctx);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone }).format(ctx.now());
  return { bytes: buildArchive(entries, ctx.now()), fileName: backupFileName(today), manifest };
}
