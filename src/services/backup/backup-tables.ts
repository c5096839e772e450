/**
 * Which tables a backup holds, in which order, and how each one's rows are found. The list is
 * derived from the Drizzle tables in src/db/schema.ts, so a table added later is backed up
 * without anyone remembering to list it; only the exclusions below are written by hand, each
 * with its reason.
 */
import { is } from 'drizzle-orm';
import { getTableConfig, type PgColumn, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema.js';

/**
 * Tables a backup leaves out on purpose. The workspace row and its user are not rows of the
 * archive: their name, settings and the owner's name and zone travel in `workspace.json` and are
 * written onto the workspace and user that restore (see restore.ts). Calendar feeds are secrets
 * of one install: a feed URL should not start working again on another machine, so the user
 * makes a new feed after a restore. Access tokens are left out for the same reason.
 */
export const EXCLUDED_TABLES: Record<string, string> = {
  workspaces:
    'the workspace name and settings travel in workspace.json and are written onto the target workspace',
  users: 'the owner’s name and time zone travel in workspace.json and are written onto the user who restores',
  calendar_feeds: 'feed tokens are secrets of one install; make a new feed after restoring',
  mail_accounts:
    'the mailbox password is a secret of one install, sealed with its key; connect the mailbox again after restoring',
  mail_folders: 'where the mailbox sync stands belongs to the connected mailbox, which a backup leaves out',
  access_tokens: 'access tokens are secrets of one install; make new ones in Settings after restoring',
  workspace_members:
    'who may open a workspace belongs to the hosted server’s accounts; whoever restores is the owner',
  auth_user: 'accounts of a hosted server belong to no workspace',
  auth_session: 'sessions of a hosted server belong to no workspace',
  auth_account: 'passwords of a hosted server belong to no workspace',
  auth_verification: 'verification codes of a hosted server belong to no workspace',
  auth_rate_limit: 'sign-in counters of a hosted server belong to no workspace',
  auth_passkey: 'passkeys of a hosted server belong to an account, not to a workspace',
  account_invites: 'invitation codes of a hosted server belong to no workspace',
  staged_batches: 'work an import left half-way is finished or thrown away when Rapport starts',
  staged_steps: 'work an import left half-way is finished or thrown away when Rapport starts',
  coach_invites: 'coach invitations name accounts of a hosted server; invite the coach again after restoring',
  digest_sends:
    'which days’ digests went out belongs to the mailbox that sent them, which a backup leaves out',
  job_runs: 'the log of background jobs belongs to the server that ran them',
};

/** One column as the archive stores it. */
export interface BackupColumn {
  /** SQL name, also the key in the archive's JSON rows. */
  name: string;
  sqlType: string;
  /** bytea columns are kept as separate archive entries, not inside the JSON. */
  binary: boolean;
  /** Identity columns (`generated always as identity`) are restored with OVERRIDING SYSTEM VALUE. */
  identity: boolean;
}

/** How to back up and restore one table. */
export interface BackupTable {
  name: string;
  table: PgTable;
  /** Columns kept in the archive: all but generated and derived ones and `workspace_id`. */
  columns: BackupColumn[];
  /** Columns the rows are sorted by (the primary key), so an archive is the same every time. */
  orderBy: string[];
  /** True when the table has its own `workspace_id` column. */
  workspaceScoped: boolean;
  /** For tables without `workspace_id`: a not-null column referencing a workspace-scoped table. */
  parent: { column: string; table: string; foreignColumn: string } | null;
  /** The single `id` primary key, when the table has one (checked for clashes before a restore). */
  hasId: boolean;
}

/** Every Drizzle table defined in the schema module. */
export function schemaTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
}

/**
 * Columns the database works out from other rows with triggers (see the schema), left out of an
 * archive like generated ones: a restore writes those rows and the triggers set them again.
 */
const DERIVED_COLUMNS: Record<string, string[]> = { people: ['met'] };

function describe(
  table: PgTable,
): Omit<BackupTable, 'parent'> & { config: ReturnType<typeof getTableConfig> } {
  const config = getTableConfig(table);
  const all = config.columns as PgColumn[];
  const columns = all
    .filter(
      (c) => !c.generated && c.name !== 'workspace_id' && !DERIVED_COLUMNS[config.name]?.includes(c.name),
    )
    .map((c) => ({
      name: c.name,
      sqlType: c.getSQLType(),
      binary: c.getSQLType() === 'bytea',
      identity: Boolean(c.generatedIdentity),
    }));
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name);
  const single = all.filter((c) => c.primary).map((c) => c.name);
  const orderBy = composite?.length ? composite : single;
  if (!orderBy.length)
    throw new Error(`Table ${config.name} has no primary key, so a backup cannot order it.`);
  return {
    name: config.name,
    table,
    columns,
    orderBy,
    workspaceScoped: all.some((c) => c.name === 'workspace_id'),
    hasId: single.length === 1 && single[0] === 'id',
    config,
  };
}

/**
 * The tables a backup holds, parents before children, so that restoring them in this order
 * satisfies every foreign key. Throws when a table can be tied to no workspace, or when foreign
 * keys form a cycle; a test runs this, so such a schema change fails CI rather than a restore.
 */
export function backupTables(): BackupTable[] {
  const described = schemaTables()
    .map(describe)
    .filter((t) => !(t.name in EXCLUDED_TABLES));
  const byName = new Map(described.map((t) => [t.name, t]));
  const deps = new Map<string, Set<string>>();
  const plans = new Map<string, BackupTable>();
  for (const t of described) {
    const refs = new Set<string>();
    let parent: BackupTable['parent'] = null;
    for (const fk of t.config.foreignKeys) {
      const ref = fk.reference();
      const target = getTableConfig(ref.foreignTable).name;
      if (byName.has(target) && target !== t.name) refs.add(target);
      const column = ref.columns[0] as PgColumn | undefined;
      if (
        !t.workspaceScoped &&
        !parent &&
        ref.columns.length === 1 &&
        column?.notNull &&
        byName.get(target)?.workspaceScoped
      ) {
        parent = { column: column.name, table: target, foreignColumn: ref.foreignColumns[0]!.name };
      }
    }
    if (!t.workspaceScoped && !parent) {
      throw new Error(
        `Table ${t.name} has no workspace_id and no required reference to a table that has one; back it up by hand or list it in EXCLUDED_TABLES with a reason.`,
      );
    }
    deps.set(t.name, refs);
    const { config: _config, ...plan } = t;
    plans.set(t.name, { ...plan, parent });
  }
  // Kahn's algorithm, taking ready tables in name order so the order is the same on every run.
  const ordered: BackupTable[] = [];
  const done = new Set<string>();
  while (done.size < plans.size) {
    const ready = [...plans.keys()]
      .filter((name) => !done.has(name) && [...deps.get(name)!].every((d) => done.has(d)))
      .sort();
    if (!ready.length) {
      const left = [...plans.keys()].filter((n) => !done.has(n)).join(', ');
      throw new Error(`Foreign keys between ${left} form a cycle; a backup cannot order them.`);
    }
    for (const name of ready) {
      done.add(name);
      ordered.push(plans.get(name)!);
    }
  }
  return ordered;
}
