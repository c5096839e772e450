import { and, asc, eq, getTableColumns, ilike, or, sql } from 'drizzle-orm';
import { organizations, people } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import { organizationKey } from '../../domain/names.js';
import {
  type Ctx,
  cappedTotal,
  countCapFor,
  isoTime,
  likePattern,
  pageTotalColumn,
  updateVersioned,
} from '../context.js';

export type Organization = typeof organizations.$inferSelect & { peopleCount: number };

export interface OrganizationInput {
  name: string;
  website?: string | null;
  industry?: string | null;
  location?: string | null;
  notes?: string;
}

/** The matching key stored in `organizations.name_key` (imports use it to find organizations in bulk). */
export function keyOf(name: string): string {
  return organizationKey(name) || name.trim().toLowerCase();
}

async function assertNameFree(ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  const [clash] = await ctx.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.workspaceId, ctx.workspaceId), eq(organizations.nameKey, keyOf(name))));
  if (clash && clash.id !== exceptId) {
    throw new AppError('conflict', {
      userMessage: `An organization named "${clash.name}" already exists; use it instead of adding "${name}".`,
      issues: [{ field: 'name', message: `"${clash.name}" already exists` }],
      details: { existingId: clash.id },
    });
  }
}

/** Adds an organization; names that differ only in case or punctuation are the same one. */
export async function createOrganization(ctx: Ctx & { input: OrganizationInput }): Promise<Organization> {
  const { input } = ctx;
  await assertNameFree(ctx, input.name);
  const [row] = await ctx.db
    .insert(organizations)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name.trim(),
      nameKey: keyOf(input.name),
      website: input.website ?? null,
      industry: input.industry ?? null,
      location: input.location ?? null,
      notes: input.notes ?? '',
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  return { ...row!, peopleCount: 0 };
}

/** Finds the organization with this name (case and punctuation insensitive) or creates it. */
export async function findOrCreateOrganization(ctx: Ctx & { name: string }): Promise<string> {
  const [found] = await ctx.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.workspaceId, ctx.workspaceId), eq(organizations.nameKey, keyOf(ctx.name))));
  if (found) return found.id;
  return (await createOrganization({ ...ctx, input: { name: ctx.name } })).id;
}

// Outer columns are written qualified: Drizzle leaves them bare in single-table selects.
const peopleCount = sql<number>`(select count(*)::int from ${people} p where p.organization_id = "organizations"."id")`;

function organizationsWhere(ctx: Ctx & { q?: string }) {
  return and(
    eq(organizations.workspaceId, ctx.workspaceId),
    ctx.q
      ? or(ilike(organizations.name, likePattern(ctx.q)), ilike(organizations.industry, likePattern(ctx.q)))
      : undefined,
  );
}

/**
 * An organization as lists show it: everything but the search vector and the matching key, which
 * only the database reads.
 */
export type ListedOrganization = Omit<Organization, 'search' | 'nameKey'>;

type ListedOrganizationJson = Omit<ListedOrganization, 'workspaceId' | 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

/**
 * A page of organizations by name, its items as the JSON text the API answers with, optionally
 * filtered by a search text (name or industry, each through its trigram index). One statement, as
 * the People list's: the page with each organization's people counted, answered as one JSON value
 * the route sends as it is, and the total, which stops at a cap and is only counted when the page
 * is full or not the first.
 */
export async function listOrganizationsJson(
  ctx: Ctx & { q?: string; limit?: number; offset?: number },
): Promise<{ itemsJson: string; total: number; totalIsCapped: boolean }> {
  const where = organizationsWhere(ctx);
  const limit = ctx.limit ?? 100;
  const offset = ctx.offset ?? 0;
  const result = await ctx.db.execute(sql`
    with page as materialized (
      select * from ${organizations} where ${where}
      order by lower(${organizations.name}), ${organizations.id}
      limit ${limit} offset ${offset}
    )
    select coalesce((select json_agg(json_build_object(
        'id', o.id, 'name', o.name, 'website', o.website, 'industry', o.industry,
        'location', o.location, 'notes', o.notes, 'createdAt', ${isoTime(sql`o.created_at`)},
        'updatedAt', ${isoTime(sql`o.updated_at`)}, 'version', o.version,
        'peopleCount', (select count(*)::int from ${people} p where p.organization_id = o.id))
        order by lower(o.name), o.id) from page o), '[]')::text as items,
      ${pageTotalColumn(sql`select 1 from ${organizations} where ${where}`, { offset, limit })} as n`);
  const row = (result as unknown as { rows: { items: string; n: number }[] }).rows[0]!;
  return { itemsJson: row.items, ...cappedTotal(Number(row.n), countCapFor({ offset, limit })) };
}

/** Lists organizations by name, as listOrganizationsJson, with each one as the services use them. */
export async function listOrganizations(
  ctx: Ctx & { q?: string; limit?: number; offset?: number },
): Promise<{ items: ListedOrganization[]; total: number; totalIsCapped: boolean }> {
  const { itemsJson, ...total } = await listOrganizationsJson(ctx);
  const items = (JSON.parse(itemsJson) as ListedOrganizationJson[]).map(
    (r): ListedOrganization => ({
      ...r,
      workspaceId: ctx.workspaceId,
      createdAt: new Date(r.createdAt),
      updatedAt: new Date(r.updatedAt),
    }),
  );
  return { items, ...total };
}

/**
 * Organizations in the list's order (name, then id to break ties), one page after another, for
 * exports: keyset paging, so each page is a short query however deep it is, with no count.
 */
export async function listOrganizationsAfter(
  ctx: Ctx & { q?: string; after?: string[]; limit: number },
): Promise<{ items: Omit<Organization, 'search'>[]; next: string[] | null }> {
  const [name, id] = ctx.after ?? [];
  const { search: _search, ...columns } = getTableColumns(organizations);
  const rows = await ctx.db
    .select({
      org: columns,
      peopleCount,
      key: sql<string[]>`array[lower(${organizations.name}), ${organizations.id}::text]`,
    })
    .from(organizations)
    .where(
      and(
        organizationsWhere(ctx),
        ctx.after
          ? sql`(lower(${organizations.name}), ${organizations.id}) > (${name}, ${id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id))
    .limit(ctx.limit);
  const last = rows.length === ctx.limit ? rows[rows.length - 1] : undefined;
  return { items: rows.map((r) => ({ ...r.org, peopleCount: r.peopleCount })), next: last ? last.key : null };
}

/** One organization of the workspace, or `not_found`. */
export async function getOrganization(ctx: Ctx & { id: string }): Promise<Organization> {
  const [row] = await ctx.db
    .select({ org: organizations, peopleCount })
    .from(organizations)
    .where(and(eq(organizations.id, ctx.id), eq(organizations.workspaceId, ctx.workspaceId)));
  if (!row) throw notFound('organization', ctx.id);
  return { ...row.org, peopleCount: row.peopleCount };
}

/** Edits an organization; `version` is the one the user read. */
export async function updateOrganization(
  ctx: Ctx & { id: string; version?: number; input: Partial<OrganizationInput> },
): Promise<Organization> {
  const { input } = ctx;
  const values: Record<string, unknown> = {};
  if (input.name !== undefined) {
    await assertNameFree(ctx, input.name, ctx.id);
    values.name = input.name.trim();
    values.nameKey = keyOf(input.name);
  }
  for (const key of ['website', 'industry', 'location', 'notes'] as const) {
    if (input[key] !== undefined) values[key] = input[key];
  }
  await updateVersioned(ctx, organizations, 'organization', ctx.id, ctx.version, values);
  return getOrganization(ctx);
}

/** Deletes an organization; its people stay, without an organization. */
export async function deleteOrganization(ctx: Ctx & { id: string }): Promise<void> {
  const deleted = await ctx.db
    .delete(organizations)
    .where(and(eq(organizations.id, ctx.id), eq(organizations.workspaceId, ctx.workspaceId)))
    .returning({ id: organizations.id });
  if (!deleted.length) throw notFound('organization', ctx.id);
}

/** Throws `validation` on `field` unless the organization exists in this workspace. */
export async function assertOrganizationInWorkspace(ctx: Ctx, id: string, field: string): Promise<string> {
  const [row] = await ctx.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.workspaceId, ctx.workspaceId)));
  if (!row) {
    throw new AppError('validation', {
      userMessage: `${field}: no such organization in this workspace.`,
      issues: [{ field, message: 'no such organization in this workspace' }],
    });
  }
  return row.name;
}
