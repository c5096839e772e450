import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { introductions, people, personTags, tags } from '../../db/schema.js';
import { cellText } from '../../domain/csv-export.js';
import { SENIORITY_LABELS, type Seniority } from '../../domain/vocab.js';
import { createOrganization, updateOrganization } from '../organizations/organizations.js';
import { createPerson, listPeople, type Person } from '../people/people.js';
import { exportCsv } from './exports-csv.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

async function csvText(filter?: { q?: string; tag?: string }): Promise<string> {
  const { pieces } = await exportCsv({ ...t.ctx, list: 'people', filter });
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

/** A person's row as the People export writes it, from the People list's own answer. */
function expectedRow(p: Person): Record<string, string> {
  const row: Record<string, unknown> = {
    'Full name': p.fullName,
    Title: p.title,
    Function: p.function,
    Seniority: p.seniority ? SENIORITY_LABELS[p.seniority as Seniority] : '',
    Organization: p.organizationName,
    'E-mail': p.email,
    Phone: p.phone,
    LinkedIn: p.linkedinUrl,
    Location: p.location,
    'Time zone': p.timeZone,
    'How we know each other': p.howWeKnow,
    'Introduced by': p.introducedBy?.fullName,
    Tags: p.tags,
    'Keep in touch': p.keepInTouch,
    'Every (days)': p.keepInTouchEveryDays,
    'Preferred channel': p.preferredChannel,
    'Connected on': p.connectedOn,
    'Last interaction': p.lastInteractionAt,
    Source: p.source,
    Notes: p.notes,
    Created: p.createdAt,
    Updated: p.updatedAt,
  };
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cellText(v)]));
}

describe('People CSV export', () => {
  it('writes every person of a list longer than a page once, in the list’s order, with their organization, latest introducer and tags', async () => {
    const { ctx, clock } = t;
    const orgs = [];
    for (const name of ['Acme, Inc.', 'Globex', '=Evil Corp']) {
      orgs.push(await createOrganization({ ...ctx, input: { name } }));
    }
    // People made one by one carry what the bulk rows do not: tags, organizations, introducers.
    // Their names spread over the alphabet, so they land on different pages of the export.
    const introducer = await createPerson({ ...ctx, input: { fullName: 'Mia Introducer' } });
    const later = await createPerson({ ...ctx, input: { fullName: 'Noor Later' } });
    const detailed: string[] = [];
    for (const [i, letter] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].entries()) {
      clock.advance(60_000);
      const person = await createPerson({
        ...ctx,
        input: {
          fullName: `${letter}nna Detail ${i}`,
          title: i % 3 === 0 ? 'Head of "Growth", EMEA' : 'Engineer',
          seniority: i % 2 ? 'senior' : null,
          organizationId: orgs[i % orgs.length]!.id,
          email: `${letter.toLowerCase()}@example.com`,
          introducedById: i % 4 === 0 ? introducer.id : null,
          tags: i % 2 ? ['zeta', 'alpha', 'mid'] : ['solo'],
          notes: i % 5 === 0 ? 'first line\n=SUM(A1)\r\nthird' : '',
          keepInTouchEveryDays: i % 6 === 0 ? 30 : null,
        },
      });
      detailed.push(person.id);
    }
    // A second, later introduction: the latest one is the one the export names.
    clock.advance(60_000);
    await ctx.db.insert(introductions).values({
      workspaceId: ctx.workspaceId,
      introducerId: later.id,
      introducedId: detailed[0]!,
      createdAt: ctx.now(),
    });
    // Bulk rows whose names repeat across case, so pages end inside runs of equal sort keys.
    const names = ['Bo Chen', 'bo chen', 'Zoë Novak', 'Émile Roux', 'ana silva'];
    const bulk = await ctx.db
      .insert(people)
      .values(
        Array.from({ length: 1650 }, (_, i) => ({
          workspaceId: ctx.workspaceId,
          fullName: names[i % names.length]!,
          title: `Number ${i}`,
          phone: i % 7 === 0 ? '-1+1' : null,
          createdAt: new Date(ctx.now().getTime() + i),
          updatedAt: new Date(ctx.now().getTime() + i),
        })),
      )
      .returning({ id: people.id });
    // One bulk row in seven tagged (every name), so tagged people fall on every page whatever the collation.
    const [bulkTag] = await ctx.db
      .insert(tags)
      .values({ workspaceId: ctx.workspaceId, name: 'bulk' })
      .returning();
    await ctx.db
      .insert(personTags)
      .values(bulk.filter((_, i) => i % 7 === 0).map((p) => ({ personId: p.id, tagId: bulkTag!.id })));

    // Times finer than a millisecond, and one before 1970: the export writes what a JavaScript date
    // holds (the millisecond they fall in), as the People list does.
    await ctx.db.execute(sql`update people set last_interaction_at = '1969-12-31 23:59:59.9995+00',
      updated_at = updated_at + interval '0.000999 seconds' where id = ${detailed[1]!}`);

    const listed = await listPeople({ ...ctx, limit: 5000 });
    // More than one page of the export (1,500): the later pages take the tags read at once.
    expect(listed.total).toBeGreaterThan(1500);
    const text = await csvText();
    const exported = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(exported).toEqual(listed.items.map(expectedRow));
    // The pieces the checks above rely on are there.
    const first = exported.find((r) => r['Full name'] === 'Anna Detail 0')!;
    expect(first['Introduced by']).toBe('Noor Later');
    expect(exported.find((r) => r['Full name'] === 'Bnna Detail 1')!.Tags).toBe('alpha; mid; zeta');
    // The second page's tags (read at once, not by the page) are there too.
    expect(exported.slice(1500).filter((r) => r.Tags?.includes('bulk')).length).toBeGreaterThan(0);
    expect(exported.find((r) => r['Full name'] === 'Cnna Detail 2')!.Organization).toBe("'=Evil Corp");
    expect(exported.find((r) => r['Full name'] === 'Bnna Detail 1')!['Last interaction']).toBe(
      '1969-12-31T23:59:59.999Z',
    );
  });

  it('names each organization as it is when the export is made, also one renamed since the last export', async () => {
    const exported = () =>
      csvText().then((text) => parse(text, { bom: true, columns: true }) as Record<string, string>[]);
    const globex = (rows: Record<string, string>[]) =>
      rows.filter((r) => r.Organization === 'Globex').map((r) => r['Full name']);
    const before = await exported();
    expect(globex(before)).toHaveLength(9);
    const [org] = await t.ctx.db
      .execute(sql`select id, version from organizations where name = 'Globex'`)
      .then((r) => (r as unknown as { rows: { id: string; version: number }[] }).rows);
    await updateOrganization({
      ...t.ctx,
      id: org!.id,
      version: org!.version,
      input: { name: 'Globex Renamed' },
    });
    const after = await exported();
    expect(globex(after)).toEqual([]);
    expect(after.filter((r) => r.Organization === 'Globex Renamed').map((r) => r['Full name'])).toEqual(
      globex(before),
    );
  });

  it('applies the People list’s filters to the pages', async () => {
    const exported = parse(await csvText({ tag: 'solo' }), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const listed = await listPeople({ ...t.ctx, tag: 'solo', limit: 5000 });
    expect(exported).toEqual(listed.items.map(expectedRow));
    expect(exported).toHaveLength(13);
  });
});
