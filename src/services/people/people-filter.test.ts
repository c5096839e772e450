import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../test/api.js';
import type { TestDb } from '../../../test/db.js';
import { organizations, people } from '../../db/schema.js';
import { likePattern } from '../context.js';
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from '../organizations/organizations.js';
import { createPerson, getPerson, listPeople, peopleTextMatch, touchPeople, updatePerson } from './people.js';

let t: TestDb;
let send: Send;
beforeAll(async () => {
  ({ t, send } = await openTestApi());
});
afterAll(() => t.close());

async function names(q: string): Promise<string[]> {
  return (await listPeople({ ...t.ctx, q })).items.map((p) => p.fullName);
}

describe('the People box', () => {
  it('finds people by every field it promises: name, title, e-mail and organization', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Quillfeather Studio' } });
    await createPerson({ ...t.ctx, input: { fullName: 'Aino Virtanen', title: 'Glassblowing Lead' } });
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Bo Lindgren', email: 'bo.lindgren@lumenmail.example' },
    });
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Cy Okoro', organizationId: org.id, tags: ['alumni'] },
    });
    expect(await names('virtanen')).toEqual(['Aino Virtanen']);
    expect(await names('glassblow')).toEqual(['Aino Virtanen']);
    expect(await names('LUMENMAIL')).toEqual(['Bo Lindgren']);
    expect(await names('quillfeather')).toEqual(['Cy Okoro']);
    // Tags and introducers come with each row of a filtered page.
    expect((await listPeople({ ...t.ctx, q: 'quillfeather' })).items[0]).toMatchObject({
      organizationName: 'Quillfeather Studio',
      tags: ['alumni'],
      introducedBy: null,
    });
  });

  it("shows each row of a page exactly as the person's page reads them, for any phrasing the box takes", async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Ødegaard & Søn Verlag' } });
    const introducer = await createPerson({ ...t.ctx, input: { fullName: 'Ines Referrer' } });
    const renée = await createPerson({
      ...t.ctx,
      input: {
        fullName: 'Renée Łukasik-Brandt',
        title: 'Head of Cartography',
        email: 'r.lukasik+maps@atlas-verlag.example',
        organizationId: org.id,
        pastOrganizationIds: [org.id],
        tags: ['zeta', 'Alpha'],
        introducedById: introducer.id,
        connectedOn: '2024-02-29',
        keepInTouch: 'yes',
        keepInTouchEveryDays: 60,
      },
    });
    // Edited once: the version, the edited fields and the new time come with the row.
    t.clock.advance(60_000);
    await updatePerson({ ...t.ctx, id: renée.id, version: 1, input: { location: 'Bergen' } });
    const page = await getPerson({ ...t.ctx, id: renée.id });
    const expected = page;
    for (const q of [
      'renée',
      'RENÉE ŁUKASIK',
      'Łukasik-Brandt',
      'lukasik+maps@atlas',
      'atlas-verlag.example',
      'of cartography',
      'ødegaard & søn',
      'SØN VERLAG',
    ]) {
      const found = await listPeople({ ...t.ctx, q });
      expect(found.items, q).toEqual([expected]);
      expect(found, q).toMatchObject({ total: 1, totalIsCapped: false });
    }
    expect((await listPeople({ ...t.ctx, q: 'renee' })).items).toEqual([]);
    expect((await listPeople({ ...t.ctx, q: 'cartography head' })).items).toEqual([]);

    const res = await send('GET', `/api/people?q=${encodeURIComponent('søn verlag')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Record<string, unknown>[]; total: number };
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      fullName: 'Renée Łukasik-Brandt',
      organizationName: 'Ødegaard & Søn Verlag',
      tags: ['Alpha', 'zeta'],
      introducedBy: { id: introducer.id, fullName: 'Ines Referrer' },
      updatedAt: t.clock.now().toISOString(),
      connectedOn: '2024-02-29',
      version: 2,
    });
    expect(body.items[0]).not.toHaveProperty('search');
  });

  it("answers a person's page and their row of the list with every column as it is stored", async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Vellum & Quire Archive' } });
    const former = await createOrganization({ ...t.ctx, input: { name: 'Old Press Guild' } });
    const introducer = await createPerson({ ...t.ctx, input: { fullName: 'Olek First-Introducer' } });
    const later = await createPerson({ ...t.ctx, input: { fullName: 'Olek Second-Introducer' } });
    const rich = await createPerson({
      ...t.ctx,
      input: {
        fullName: 'Zofia "Zosia" Wróblewska',
        title: 'Conservator\\Rare books',
        function: 'Preservation',
        seniority: 'senior',
        organizationId: org.id,
        pastOrganizationIds: [former.id, org.id],
        email: 'zofia@vellum.example',
        phone: '+48 12 345 67 89',
        linkedinUrl: 'https://www.linkedin.com/in/zofia-w',
        location: 'Kraków',
        timeZone: 'Europe/Warsaw',
        howWeKnow: 'Met at the\nbook fair',
        introducedById: introducer.id,
        tags: ['paper', 'Archives', 'ünïcode'],
        notes: 'Line one\n\tLine two — “quoted” </script>',
        keepInTouch: 'yes',
        keepInTouchEveryDays: 90,
        preferredChannel: 'email',
        connectedOn: '2023-07-14',
      },
    });
    t.clock.advance(123_456);
    await updatePerson({
      ...t.ctx,
      id: rich.id,
      version: 1,
      input: { introducedById: later.id, location: 'Gdańsk' },
    });
    t.clock.advance(61_001);
    await touchPeople(t.ctx, [rich.id], t.clock.now());

    // What the table holds, read column by column, as the API wrote it before a page was one JSON value.
    const [row] = await t.ctx.db.select().from(people).where(eq(people.id, rich.id));
    // Less what only the database reads (the search vector, the People box's text, people.met).
    const {
      search: _search,
      filterText: _filterText,
      met: _met,
      workspaceId: _workspaceId,
      ...columns
    } = row!;
    const expected = {
      ...JSON.parse(JSON.stringify(columns)),
      organizationName: 'Vellum & Quire Archive',
      tags: ['Archives', 'paper', 'ünïcode'],
      introducedBy: { id: later.id, fullName: 'Olek Second-Introducer' },
    };
    expect(expected).toMatchObject({
      version: 2,
      editedFields: ['location'],
      lastInteractionAt: t.clock.now().toISOString(),
    });

    const res = await send('GET', `/api/people/${rich.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(expected);
    const listed = await send('GET', `/api/people?q=${encodeURIComponent('wróblewska')}`);
    expect(await listed.json()).toEqual({ items: [expected], total: 1, totalIsCapped: false });
    const missing = await send('GET', '/api/people/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('pages through a filter in name order with the same total on every page', async () => {
    for (const name of ['Pager Cc', 'pager Aa', 'Pager Bb', 'Pager Ee', 'pager Dd']) {
      await createPerson({ ...t.ctx, input: { fullName: name, title: 'Paging Clerk' } });
    }
    const first = await listPeople({ ...t.ctx, q: 'paging clerk', limit: 2 });
    const second = await listPeople({ ...t.ctx, q: 'paging clerk', limit: 2, offset: 2 });
    const last = await listPeople({ ...t.ctx, q: 'paging clerk', limit: 2, offset: 4 });
    expect([first, second, last].map((p) => p.items.map((x) => x.fullName))).toEqual([
      ['pager Aa', 'Pager Bb'],
      ['Pager Cc', 'pager Dd'],
      ['Pager Ee'],
    ]);
    expect([first, second, last].map((p) => p.total)).toEqual([5, 5, 5]);
    expect((await listPeople({ ...t.ctx, q: 'paging clerk', limit: 2, offset: 10 })).items).toEqual([]);
  });

  it('does not match text that runs from a title into an e-mail', async () => {
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Dee Marsh', title: 'Archivist', email: 'dee@marsh.example' },
    });
    expect(await names('archivist')).toEqual(['Dee Marsh']);
    expect(await names('archivist dee')).toEqual([]);
  });

  it('says "more than 1,000" instead of counting every person, and counts exactly below that', async () => {
    const now = t.clock.now().toISOString();
    await t.ctx.db.execute(sql`
      insert into people (workspace_id, full_name, title, created_at, updated_at)
      select ${t.ctx.workspaceId}::uuid, 'Many Person ' || i, 'Surveyor', ${now}::timestamptz, ${now}::timestamptz
      from generate_series(1, 1005) i`);
    const broad = await listPeople({ ...t.ctx, q: 'surveyor', limit: 25 });
    expect(broad.items).toHaveLength(25);
    expect(broad).toMatchObject({ total: 1000, totalIsCapped: true });
    // A page past the cap still knows there is more after it.
    const deep = await listPeople({ ...t.ctx, q: 'surveyor', limit: 100, offset: 1000 });
    expect(deep).toMatchObject({ totalIsCapped: false, total: 1005 });
    expect(deep.items).toHaveLength(5);
    const few = await listPeople({ ...t.ctx, q: 'Many Person 100', limit: 2 });
    expect(few).toMatchObject({ total: 7, totalIsCapped: false });

    const res = await send('GET', '/api/people?q=surveyor&limit=25');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ total: 1000, totalIsCapped: true });
  });

  it('reads the same page whether few or many people match, on any page', async () => {
    const now = t.clock.now().toISOString();
    // Names in no particular order; one in twenty is a painter, the rest weld (over a thousand).
    await t.ctx.db.execute(sql`
      insert into people (workspace_id, full_name, title, created_at, updated_at)
      select ${t.ctx.workspaceId}::uuid, 'Ferro ' || substr(md5(i::text), 1, 8),
        case when i % 20 = 0 then 'Painter' else 'Welder' end, ${now}::timestamptz, ${now}::timestamptz
      from generate_series(1, 1100) i`);
    const expectedIds = async (q: string, limit: number, offset: number) => {
      const r = await t.ctx.db.execute(sql`select p.id from people p
        where p.workspace_id = ${t.ctx.workspaceId} and (p.full_name ilike ${likePattern(q)}
          or (coalesce(p.title, '') || E'\\n' || coalesce(p.email, '')) ilike ${likePattern(q)}
          or p.organization_id in (select o.id from organizations o where o.name ilike ${likePattern(q)}))
        order by lower(p.full_name), p.id limit ${limit} offset ${offset}`);
      return (r as unknown as { rows: { id: string }[] }).rows.map((x) => x.id);
    };
    const cases: [string, number, number, { total: number; totalIsCapped: boolean }][] = [
      ['welder', 100, 0, { total: 1000, totalIsCapped: true }],
      ['WELDER', 100, 900, { total: 1000, totalIsCapped: true }],
      ['welder', 100, 1000, { total: 1045, totalIsCapped: false }],
      ['ferro', 50, 1050, { total: 1100, totalIsCapped: false }],
      ['painter', 25, 0, { total: 55, totalIsCapped: false }],
      ['painter', 25, 50, { total: 55, totalIsCapped: false }],
      ['ferro 0', 100, 0, { total: (await expectedIds('ferro 0', 1000, 0)).length, totalIsCapped: false }],
      ['fe', 100, 0, { total: 1000, totalIsCapped: true }],
    ];
    for (const [q, limit, offset, total] of cases) {
      const page = await listPeople({ ...t.ctx, q, limit, offset });
      const label = `${q} ${limit}@${offset}`;
      expect(
        page.items.map((p) => p.id),
        label,
      ).toEqual(await expectedIds(q, limit, offset));
      expect({ total: page.total, totalIsCapped: page.totalIsCapped }, label).toEqual(total);
    }
    expect((await listPeople({ ...t.ctx, q: 'painter', limit: 3 })).items[0]).toMatchObject({
      title: 'Painter',
      tags: [],
      organizationName: null,
    });
  });

  it('searches every promised field through an index, never by reading every person', async () => {
    const planOf = (q: string) =>
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        // The box's own condition, as the list and the exports run it (the workspace's is the same
        // for every row of a one-user folder).
        const r = await tx.execute(sql`explain select id from ${people} where ${peopleTextMatch(t.ctx, q)}`);
        return (r as unknown as { rows: { 'QUERY PLAN': string }[] }).rows
          .map((x) => x['QUERY PLAN'])
          .join('\n');
      });
    for (const q of ['okoro', 'two\nlines']) {
      const plan = await planOf(q);
      expect(plan, q).toContain('people_filter_trgm_idx');
      // Organizations are found through an index too: their name's, or, in a folder this small,
      // the workspace's.
      expect(plan, q).toMatch(
        /Index Scan (using|on) organizations_\w+ on organizations|organizations_name_trgm_idx/,
      );
      expect(plan, q).not.toMatch(/Seq Scan on (people|organizations)/);
    }
  });

  it('matches name, title and e-mail as ILIKE on each field does, for any text and any letters', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Überhaus ÇA_100%' } });
    const inputs = [
      { fullName: 'ÉLODIE Ærøskøbing-Straße', title: 'Ведущий ИНЖЕНЕР', email: 'e.aero@ÆRØ.example' },
      { fullName: 'Ola 50%_off', title: 'Back\\slash Lead', email: null },
      { fullName: 'Nils Line', title: 'First\nSecond', email: 'nils@line.example' },
      { fullName: 'Tab\tName', title: null, email: 'TAB@Example.COM' },
      { fullName: 'Ørjan Org', title: 'Staff', email: null, organizationId: org.id },
    ];
    for (const input of inputs) await createPerson({ ...t.ctx, input });
    const queries = [
      'élodie',
      'ÆRØSKØBING',
      'straße',
      'инженер',
      'ведущий инж',
      '@ærø.',
      '50%',
      '%_',
      '_off',
      'back\\sl',
      '\\',
      'first\nsecond',
      'second\nnils',
      'line\nfirst',
      'lead\n',
      'name\ntab',
      'tab\tn',
      'tab@example.com',
      'überhaus',
      'ça_100%',
      'org\nstaff',
      'e.aero',
      'ø',
      'ß',
    ];
    for (const q of queries) {
      // What each field matched with ILIKE before the People box had its own lower-cased text.
      const r = await t.ctx.db.execute(sql`select p.full_name from people p
        where p.workspace_id = ${t.ctx.workspaceId} and (p.full_name ilike ${likePattern(q)}
          or (coalesce(p.title, '') || E'\\n' || coalesce(p.email, '')) ilike ${likePattern(q)}
          or p.organization_id in (select o.id from organizations o where o.name ilike ${likePattern(q)}))
        order by lower(p.full_name), p.id`);
      const expected = (r as unknown as { rows: { full_name: string }[] }).rows.map((x) => x.full_name);
      const found = await listPeople({ ...t.ctx, q, limit: 1000 });
      expect(
        found.items.map((p) => p.fullName),
        JSON.stringify(q),
      ).toEqual(expected);
      expect(found.total, JSON.stringify(q)).toBe(expected.length);
    }
    // The list above holds matches, not only misses.
    expect(await names('straße')).toEqual(['ÉLODIE Ærøskøbing-Straße']);
    expect(await names('first\nsecond')).toEqual(['Nils Line']);
    expect(await names('line\nfirst')).toEqual([]);
  });

  it("finds a tag's people by any promised field together, and people edited since by their new text", async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Cinderwick Foundry' } });
    const a = await createPerson({
      ...t.ctx,
      input: { fullName: 'Tagged Cinder', title: 'Smelter', tags: ['forge'] },
    });
    await createPerson({ ...t.ctx, input: { fullName: 'Untagged Smelter', title: 'Smelter' } });
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Tagged Other', organizationId: org.id, tags: ['forge'] },
    });
    const tagged = async (q: string) =>
      (await listPeople({ ...t.ctx, q, tag: 'forge' })).items.map((p) => p.fullName);
    expect(await tagged('smelter')).toEqual(['Tagged Cinder']);
    expect(await tagged('cinderwick')).toEqual(['Tagged Other']);
    expect(await tagged('CINDER')).toEqual(['Tagged Cinder', 'Tagged Other']);
    // An edit is searchable at once, and the old text no longer finds them.
    await updatePerson({
      ...t.ctx,
      id: a.id,
      version: 1,
      input: { title: 'Bellfounder', email: 'A@Bells.example' },
    });
    expect(await tagged('smelter')).toEqual([]);
    expect(await tagged('bellfound')).toEqual(['Tagged Cinder']);
    expect(await tagged('a@bells')).toEqual(['Tagged Cinder']);
    const res = await send('GET', `/api/people?q=BELLS.EXAMPLE&tag=forge`);
    const body = (await res.json()) as { items: Record<string, unknown>[] };
    expect(body).toMatchObject({ total: 1, totalIsCapped: false, items: [{ fullName: 'Tagged Cinder' }] });
    expect(body.items[0]).not.toHaveProperty('filterText');
    // The text the database keeps for the box is never part of a person as the API writes them.
    const created = await send('POST', '/api/people', { fullName: 'Api Person', title: 'Anything' });
    expect(created.status).toBe(201);
    expect(await created.json()).not.toHaveProperty('filterText');
  });
});

describe('the Organizations list', () => {
  it('counts the people of each organization on the page and finds organizations by industry', async () => {
    const org = await createOrganization({
      ...t.ctx,
      input: { name: 'Tidewater Ropeworks', industry: 'Maritime rigging' },
    });
    await createPerson({ ...t.ctx, input: { fullName: 'Rope One', organizationId: org.id } });
    await createPerson({ ...t.ctx, input: { fullName: 'Rope Two', organizationId: org.id } });
    const found = await listOrganizations({ ...t.ctx, q: 'rigging' });
    expect(found.items.map((o) => [o.name, o.peopleCount])).toEqual([['Tidewater Ropeworks', 2]]);
    expect(found).toMatchObject({ total: 1, totalIsCapped: false });
    const res = await send('GET', '/api/organizations?q=ropeworks');
    expect(await res.json()).toMatchObject({ total: 1, totalIsCapped: false, items: [{ peopleCount: 2 }] });
  });

  it('shows each organization of a page as its own page reads it, and pages by name', async () => {
    const org = await createOrganization({
      ...t.ctx,
      input: { name: 'Zygote Cartwrights', industry: 'Wheelmaking', website: 'https://zygote.example' },
    });
    t.clock.advance(60_000);
    await updateOrganization({ ...t.ctx, id: org.id, version: 1, input: { location: 'Tallinn' } });
    await createPerson({ ...t.ctx, input: { fullName: 'Wheel One', organizationId: org.id } });
    const {
      search: _search,
      nameKey: _nameKey,
      ...expected
    } = await getOrganization({ ...t.ctx, id: org.id });
    const found = await listOrganizations({ ...t.ctx, q: 'wheelmak' });
    expect(found.items).toEqual([expected]);
    // The API's row is every stored column but the internal ones, times as toISOString writes them.
    const { workspaceId: _workspaceId, ...shown } = expected;
    const res = await send('GET', '/api/organizations?q=wheelmak');
    expect(await res.json()).toEqual({
      items: [JSON.parse(JSON.stringify(shown))],
      total: 1,
      totalIsCapped: false,
    });
    expect(expected).toMatchObject({ peopleCount: 1, version: 2, location: 'Tallinn' });
    const all = await listOrganizations({ ...t.ctx, limit: 1000 });
    const names = all.items.map((o) => o.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const second = await listOrganizations({ ...t.ctx, limit: 1, offset: 1 });
    expect(second.items.map((o) => o.name)).toEqual([all.items[1]!.name]);
    expect(second.total).toBe(all.total);
  });

  it('reads the Organizations list’s first page in its order from an index, without sorting them all', async () => {
    const plan = await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const r = await tx.execute(sql`explain select id from ${organizations}
        where ${organizations.workspaceId} = ${t.ctx.workspaceId}
        order by lower(${organizations.name}), ${organizations.id} limit 100`);
      return (r as unknown as { rows: { 'QUERY PLAN': string }[] }).rows
        .map((x) => x['QUERY PLAN'])
        .join('\n');
    });
    expect(plan).toContain('organizations_list_idx');
    expect(plan).not.toMatch(/Sort/);
  });
});
