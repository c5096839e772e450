/**
 * SQL shared by backup and restore. Identifiers come from the Drizzle schema, never from a
 * user or an archive, so they are quoted and inlined; every value is a parameter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { migrationsFolder } from '../../db/migrate.js';
import type { Ctx } from '../context.js';
import type { BackupTable } from './backup-tables.js';

export const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** The rows of a raw query, on either engine (both drivers answer `{ rows }`). */
export async function rowsOf<T>(ctx: Ctx, query: SQL): Promise<T[]> {
  const result = await ctx.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** The condition that picks a table's rows of the context's workspace. */
export function scopeOf(ctx: Ctx, t: BackupTable): SQL {
  if (t.workspaceScoped) return sql`workspace_id = ${ctx.workspaceId}::uuid`;
  const p = t.parent!;
  return sql`${ident(p.column)} in (select ${ident(p.foreignColumn)} from ${ident(p.table)} where workspace_id = ${ctx.workspaceId}::uuid)`;
}

/** Migration tags this version of Rapport knows, oldest first. */
export function knownSchemas(): string[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries.sort((a, b) => a.idx - b.idx).map((e) => e.tag);
}

/** The version in package.json, found from src/ and dist/ alike. */
export function appVersion(): string {
  const root = join(migrationsFolder(), '..');
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
