/**
 * Exporting people as vCard 4.0: everyone, the people chosen by id, or those the People list
 * shows for a search.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { organizations, people } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { type CardPerson, peopleToVCards, vcardFileName } from '../../domain/vcard-export.js';
import type { Ctx } from '../context.js';
import { listPeople } from '../people/people.js';

/** More than anyone keeps; an export is one file either way. */
const MAX_EXPORT = 100_000;

export interface VCardExportFilter {
  /** Only these people (ids from the People list). */
  ids?: string[];
  /** The People list's search. */
  q?: string;
}

async function choose(ctx: Ctx, filter: VCardExportFilter): Promise<CardPerson[]> {
  if (filter.q && !filter.ids) {
    const { items } = await listPeople({ ...ctx, q: filter.q, limit: MAX_EXPORT });
    return items.map((p) => ({
      ...p,
      organization: p.organizationName,
      updatedAt: p.updatedAt.toISOString(),
    }));
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const bad = filter.ids?.find((id) => !uuid.test(id));
  if (bad !== undefined) {
    throw new AppError('validation', {
      userMessage: `ids: "${bad}" is not a person's id.`,
      issues: [{ field: 'ids', message: 'must be a comma-separated list of ids' }],
    });
  }
  const rows = await ctx.db
    .select({
      id: people.id,
      fullName: people.fullName,
      title: people.title,
      organization: organizations.name,
      email: people.email,
      phone: people.phone,
      linkedinUrl: people.linkedinUrl,
      location: people.location,
      notes: people.notes,
      updatedAt: people.updatedAt,
    })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(
      and(eq(people.workspaceId, ctx.workspaceId), filter.ids ? inArray(people.id, filter.ids) : undefined),
    )
    .orderBy(asc(sql`lower(${people.fullName})`), asc(people.id))
    .limit(MAX_EXPORT);
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** The .vcf text, its file name and how many people it holds. */
export async function exportVCards(
  ctx: Ctx & VCardExportFilter,
): Promise<{ text: string; fileName: string; count: number }> {
  const list = await choose(ctx, ctx);
  return { text: peopleToVCards(list), fileName: vcardFileName(ctx.now(), list.length), count: list.length };
}
