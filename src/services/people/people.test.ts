import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { AppError } from '../../domain/errors.js';
import {
  createOrganization,
  findOrCreateOrganization,
  getOrganization,
  listOrganizations,
} from '../organizations/organizations.js';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from './people.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('people', () => {
  it('adds a person with organization, tags and introducer', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Lumen Labs' } });
    const maya = await createPerson({ ...t.ctx, input: { fullName: 'Maya Introducer' } });
    const p = await createPerson({
      ...t.ctx,
      input: {
        fullName: '  Jonas Example ',
        title: 'Learning Designer',
        seniority: 'senior',
        organizationId: org.id,
        email: 'jonas@example.org',
        timeZone: 'Europe/Paris',
        introducedById: maya.id,
        tags: ['design', 'design', ' alumni '],
      },
    });
    expect(p.fullName).toBe('Jonas Example');
    expect(p.organizationName).toBe('Lumen Labs');
    expect(p.tags).toEqual(['alumni', 'design']);
    expect(p.introducedBy).toEqual({ id: maya.id, fullName: 'Maya Introducer' });
    expect((await getOrganization({ ...t.ctx, id: org.id })).peopleCount).toBe(1);
  });

  it('answers a create with the person exactly as their page reads them', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Answer Works' } });
    const introducer = await createPerson({ ...t.ctx, input: { fullName: 'Answer Introducer' } });
    const plain = await createPerson({ ...t.ctx, input: { fullName: ' Plain Answer ' } });
    expect(plain).toEqual(await getPerson({ ...t.ctx, id: plain.id }));
    const full = await createPerson({
      ...t.ctx,
      input: {
        fullName: 'Full Answer',
        organizationId: org.id,
        tags: ['zeta', 'Alpha', 'beta', ' '],
        introducedById: introducer.id,
      },
    });
    expect(full).toEqual(await getPerson({ ...t.ctx, id: full.id }));
    expect(full.organizationName).toBe('Answer Works');
    const former = await createOrganization({ ...t.ctx, input: { name: 'Former Works' } });
    const everything = await createPerson({
      ...t.ctx,
      source: 'vcard',
      input: {
        fullName: 'Every Field',
        title: 'Staff Engineer',
        function: 'Engineering',
        seniority: 'senior',
        organizationId: org.id,
        pastOrganizationIds: [former.id],
        email: 'every@example.org',
        phone: '+44 20 7946 0000',
        linkedinUrl: 'https://www.linkedin.com/in/every-field',
        location: 'Leeds',
        timeZone: 'Europe/London',
        howWeKnow: 'Met at a meetup',
        notes: 'Likes *short* questions.',
        keepInTouch: 'yes',
        keepInTouchEveryDays: 45,
        preferredChannel: 'email',
        connectedOn: '2025-03-04',
      },
    });
    expect(everything).toEqual(await getPerson({ ...t.ctx, id: everything.id }));
    expect(everything).toMatchObject({
      pastOrganizationIds: [former.id],
      keepInTouchEveryDays: 45,
      source: 'vcard',
    });
    // Fewer fields after it: those left out are empty or take their defaults, not the last create's.
    const again = await createPerson({
      ...t.ctx,
      input: { fullName: 'Every Field Again', title: 'Staff Engineer' },
    });
    expect(again).toEqual(await getPerson({ ...t.ctx, id: again.id }));
    expect(again).toMatchObject({ title: 'Staff Engineer', email: null, notes: '', keepInTouch: 'unknown' });
  });

  it('finds people by name, organization or tag', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Findable Co-op' } });
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Zed Findme', organizationId: org.id, tags: ['rare-tag'] },
    });
    expect((await listPeople({ ...t.ctx, q: 'findme' })).items.map((p) => p.fullName)).toEqual([
      'Zed Findme',
    ]);
    expect((await listPeople({ ...t.ctx, q: 'Findable' })).total).toBe(1);
    expect((await listPeople({ ...t.ctx, tag: 'rare-tag' })).items[0]?.fullName).toBe('Zed Findme');
    // A percent sign is searched literally, not as a wildcard.
    expect((await listPeople({ ...t.ctx, q: '%' })).total).toBe(0);
  });

  it('refuses an edit based on a stale version and keeps the newer data', async () => {
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Version Person' } });
    const first = await updatePerson({ ...t.ctx, id: p.id, version: p.version, input: { title: 'Analyst' } });
    expect(first.version).toBe(p.version + 1);
    const stale = updatePerson({ ...t.ctx, id: p.id, version: p.version, input: { title: 'Overwritten?' } });
    await expect(stale).rejects.toMatchObject({ code: 'stale' });
    expect((await getPerson({ ...t.ctx, id: p.id })).title).toBe('Analyst');
  });

  it('remembers which fields the user edited, so imports never overwrite them', async () => {
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Edited Person' }, source: 'linkedin' });
    const edited = await updatePerson({
      ...t.ctx,
      id: p.id,
      input: { title: 'Mentor', email: 'e@example.org' },
    });
    expect([...edited.editedFields].sort()).toEqual(['email', 'title']);
    const again = await updatePerson({ ...t.ctx, id: p.id, input: { title: 'Coach' } });
    expect([...again.editedFields].sort()).toEqual(['email', 'title']);
  });

  it('refuses an introducer or organization from another workspace', async () => {
    const other = await t.otherWorkspace();
    const stranger = await createPerson({ ...other, input: { fullName: 'Stranger' } });
    const foreignOrg = await createOrganization({ ...other, input: { name: 'Elsewhere' } });
    await expect(
      createPerson({ ...t.ctx, input: { fullName: 'X', introducedById: stranger.id } }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'introducedById' }] });
    await expect(
      createPerson({ ...t.ctx, input: { fullName: 'Y', organizationId: foreignOrg.id } }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'organizationId' }] });
    await expect(getPerson({ ...t.ctx, id: stranger.id })).rejects.toMatchObject({ code: 'not_found' });
    // Nothing half-written: the failed creations left no person behind.
    expect((await listPeople({ ...t.ctx, q: 'Y' })).items.some((p) => p.fullName === 'Y')).toBe(false);
  });

  it('refuses a person introducing themselves', async () => {
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Self Intro' } });
    await expect(
      updatePerson({ ...t.ctx, id: p.id, input: { introducedById: p.id } }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('deletes a person', async () => {
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Short Lived' } });
    await deletePerson({ ...t.ctx, id: p.id });
    await expect(getPerson({ ...t.ctx, id: p.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deletePerson({ ...t.ctx, id: p.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('organizations', () => {
  it('treats names differing in case and punctuation as the same organization', async () => {
    await createOrganization({ ...t.ctx, input: { name: 'Northwind Traders, Inc.' } });
    await expect(
      createOrganization({ ...t.ctx, input: { name: 'northwind traders inc' } }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const id = await findOrCreateOrganization({ ...t.ctx, name: 'NORTHWIND TRADERS' });
    expect((await getOrganization({ ...t.ctx, id })).name).toBe('Northwind Traders, Inc.');
  });

  it('lists organizations alphabetically with their people count', async () => {
    const { items } = await listOrganizations({ ...t.ctx });
    const names = items.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(items.find((o) => o.name === 'Lumen Labs')?.peopleCount).toBe(1);
  });
});

describe('who introduced a person', () => {
  it('keeps the introduction and its state when the same introducer is saved again', async () => {
    const a = await createPerson({ ...t.ctx, input: { fullName: 'Intro A' } });
    const b = await createPerson({ ...t.ctx, input: { fullName: 'Intro B' } });
    const c = await createPerson({ ...t.ctx, input: { fullName: 'Intro C', introducedById: a.id } });
    const { introductions } = await import('../../db/schema.js');
    const { eq } = await import('drizzle-orm');
    await t.ctx.db.update(introductions).set({ state: 'met' }).where(eq(introductions.introducedId, c.id));
    await updatePerson({ ...t.ctx, id: c.id, input: { introducedById: a.id, title: 'Edited' } });
    const rows = await t.ctx.db.select().from(introductions).where(eq(introductions.introducedId, c.id));
    expect(rows.map((r) => [r.introducerId, r.state])).toEqual([[a.id, 'met']]);
    const changed = await updatePerson({ ...t.ctx, id: c.id, input: { introducedById: b.id } });
    expect(changed.introducedBy?.id).toBe(b.id);
    const after = await t.ctx.db.select().from(introductions).where(eq(introductions.introducedId, c.id));
    expect(after.map((r) => r.introducerId)).toEqual([b.id]);
    const cleared = await updatePerson({ ...t.ctx, id: c.id, input: { introducedById: null } });
    expect(cleared.introducedBy).toBeNull();
  });
});
