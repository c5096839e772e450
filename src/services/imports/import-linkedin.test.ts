import { readFileSync } from 'node:fs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { byName, peopleCount } from '../../../test/people.js';
import { organizations } from '../../db/schema.js';
import { type LinkedInConnection, parseLinkedInConnections } from '../../domain/linkedin.js';
import { createOrganization, findOrCreateOrganization } from '../organizations/organizations.js';
import { createPerson, getPerson, listPeople, updatePerson } from '../people/people.js';
import { applyLinkedInImport, previewLinkedInImport } from './import-linkedin.js';

const fixture = (name: string) =>
  parseLinkedInConnections(readFileSync(new URL(`../../../test/fixtures/linkedin/${name}`, import.meta.url)));

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

function connection(line: number, over: Partial<LinkedInConnection> = {}): LinkedInConnection {
  return {
    line,
    firstName: 'Row',
    lastName: String(line),
    fullName: `Row ${line}`,
    url: `https://www.linkedin.com/in/row-${line}`,
    email: null,
    company: `Company ${line % 40}`,
    position: 'Analyst',
    connectedOn: '2024-01-15',
    ...over,
  };
}

describe('LinkedIn import', () => {
  it('previews without writing, then imports every connection with its organization', async () => {
    const ctx = await t.otherWorkspace();
    const parsed = fixture('connections-2025-01.csv');
    const preview = await previewLinkedInImport(ctx, parsed);
    expect(preview).toMatchObject({
      applied: false,
      total: 11,
      counts: { new: 10, updated: 0, unchanged: 0, skipped: 1 },
      // "Acme, Inc." and "ACME INC" are one organization; Priya has none.
      organizationsCreated: 8,
    });
    expect(preview.rows.map((r) => [r.line, r.outcome])).toContainEqual([11, 'skipped']);
    expect(preview.skipped).toEqual([{ line: 11, name: null, reason: 'no first or last name' }]);
    expect(await peopleCount(ctx)).toBe(0);

    const progress: number[] = [];
    const result = await applyLinkedInImport(ctx, { ...parsed, onProgress: (p) => progress.push(p.done) });
    expect(result).toMatchObject({ applied: true, counts: preview.counts, organizationsCreated: 8 });
    expect(progress.at(-1)).toBe(10);
    expect(await peopleCount(ctx)).toBe(10);

    const ana = await byName(ctx, 'Ana Silva');
    expect(ana).toMatchObject({
      organizationName: 'Acme, Inc.',
      title: 'Data Analyst',
      linkedinUrl: 'https://www.linkedin.com/in/anasilva-demo',
      connectedOn: '2024-01-15',
      source: 'linkedin',
      email: null,
    });
    expect((await byName(ctx, 'Diego Fernández')).organizationId).toBe(ana.organizationId);
    expect((await byName(ctx, 'Bruno Okafor')).organizationName).toBe('The "Best" Co');
    expect((await byName(ctx, 'عمر الفاروق')).linkedinUrl).toBe(
      'https://www.linkedin.com/in/omar-alfarouq-demo',
    );
    expect((await byName(ctx, 'Priya Raman 🌱')).organizationId).toBeNull();
    // The other workspace saw none of it.
    expect(await peopleCount(t.ctx)).toBe(0);
  });

  it('re-importing a newer export updates what LinkedIn owns, keeps hand edits, and never duplicates', async () => {
    const ctx = await t.otherWorkspace();
    await applyLinkedInImport(ctx, fixture('connections-2025-01.csv'));
    const ana = await byName(ctx, 'Ana Silva');
    await updatePerson({ ...ctx, id: ana.id, input: { title: 'Analytics lead (says her e-mail)' } });
    const bruno = await byName(ctx, 'Bruno Okafor');
    const mine = await findOrCreateOrganization({ ...ctx, name: 'Okafor Consulting' });
    await updatePerson({ ...ctx, id: bruno.id, input: { organizationId: mine, notes: 'Met at the fair' } });

    const newer = fixture('connections-2025-03.csv');
    const preview = await previewLinkedInImport(ctx, newer);
    expect(preview.counts).toEqual({ new: 2, updated: 2, unchanged: 8, skipped: 0 });
    const outcome = (name: string) => preview.rows.find((r) => r.name === name);
    expect(outcome('Ana Silva')).toMatchObject({ outcome: 'unchanged', changes: [], kept: ['title'] });
    expect(outcome('Bruno Okafor')).toMatchObject({
      outcome: 'updated',
      changes: ['title'],
      kept: ['organization'],
    });
    expect(outcome('Kofi Mensah')).toMatchObject({ outcome: 'updated', changes: ['email'] });
    // Only a trailing slash differs: the same profile.
    expect(outcome('Diego Fernández')?.outcome).toBe('unchanged');

    const result = await applyLinkedInImport(ctx, newer);
    expect(result.counts).toEqual(preview.counts);
    expect(await peopleCount(ctx)).toBe(12);
    expect(await byName(ctx, 'Ana Silva')).toMatchObject({ title: 'Analytics lead (says her e-mail)' });
    expect(await byName(ctx, 'Bruno Okafor')).toMatchObject({
      title: 'VP Partnerships',
      organizationName: 'Okafor Consulting',
      notes: 'Met at the fair',
    });
    const kofi = await byName(ctx, 'Kofi Mensah');
    expect(kofi).toMatchObject({ email: 'kofi.mensah@example.com', version: 2 });
    // Lucía's new employer was created once.
    const initech = await ctx.db
      .select()
      .from(organizations)
      .where(and(eq(organizations.workspaceId, ctx.workspaceId), eq(organizations.nameKey, 'initech')));
    expect(initech).toHaveLength(1);

    // The same file again changes nothing.
    const again = await applyLinkedInImport(ctx, newer);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 12, skipped: 0 });
    expect(await peopleCount(ctx)).toBe(12);
  });

  it('matches people added by hand by profile URL, then e-mail, then name and organization', async () => {
    const ctx = await t.otherWorkspace();
    const tomas = await createPerson({
      ...ctx,
      input: { fullName: 'Tomás H.', linkedinUrl: 'linkedin.com/in/Tomas-Herrera-Demo' },
    });
    const marta = await createPerson({
      ...ctx,
      input: { fullName: 'Marta N', email: 'Marta.Nowak@example.com', title: 'Tester' },
    });
    const org = await createOrganization({ ...ctx, input: { name: 'ADEYEMI & PARTNERS LLP' } });
    const ngozi = await createPerson({
      ...ctx,
      input: { fullName: 'ngozi  adeyemi', organizationId: org.id },
    });
    const stranger = await createPerson({ ...ctx, input: { fullName: 'Ngozi Adeyemi' } });

    const result = await applyLinkedInImport(ctx, fixture('connections-old-export.csv'));
    expect(result.counts).toEqual({ new: 0, updated: 3, unchanged: 0, skipped: 0 });
    expect(await peopleCount(ctx)).toBe(4);
    expect(await getPerson({ ...ctx, id: tomas.id })).toMatchObject({
      // The name is the user's to keep; LinkedIn does not own it.
      fullName: 'Tomás H.',
      title: 'Freelance Translator',
      linkedinUrl: 'linkedin.com/in/Tomas-Herrera-Demo',
      connectedOn: '2016-10-05',
    });
    expect(await getPerson({ ...ctx, id: marta.id })).toMatchObject({
      title: 'QA Engineer',
      organizationName: 'Wisła Software',
      linkedinUrl: 'https://www.linkedin.com/in/marta-nowak-demo',
      email: 'Marta.Nowak@example.com',
    });
    expect(await getPerson({ ...ctx, id: ngozi.id })).toMatchObject({
      organizationId: org.id,
      title: 'Founder',
    });
    expect((await getPerson({ ...ctx, id: stranger.id })).linkedinUrl).toBeNull();
  });

  it('imports a connection listed twice only once', async () => {
    const ctx = await t.otherWorkspace();
    const rows = [
      connection(5),
      connection(6, { url: 'http://linkedin.com/in/ROW-5/', fullName: 'Row Five' }),
      connection(7),
    ];
    const result = await applyLinkedInImport(ctx, { rows });
    expect(result.counts).toEqual({ new: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(result.skipped).toEqual([{ line: 6, name: 'Row Five', reason: 'the same connection as line 5' }]);
    expect((await listPeople(ctx)).items.map((p) => p.fullName)).toEqual(['Row 5', 'Row 7']);
  });

  it('writes nothing at all when the import fails part-way', async () => {
    const ctx = await t.otherWorkspace();
    // The second chunk of people holds a date the database refuses.
    const rows = Array.from({ length: 1500 }, (_, i) =>
      connection(i + 2, i === 1400 ? { connectedOn: '2024-13-45' } : {}),
    );
    await expect(applyLinkedInImport(ctx, { rows, skipped: [] })).rejects.toThrow();
    expect(await peopleCount(ctx)).toBe(0);
    const [orgs] = await ctx.db
      .select({ n: count() })
      .from(organizations)
      .where(eq(organizations.workspaceId, ctx.workspaceId));
    expect(orgs?.n).toBe(0);
  });

  it('matches a row to the same one of two namesakes every time, so importing again changes nothing', async () => {
    const ctx = await t.otherWorkspace();
    const org = await createOrganization({ ...ctx, input: { name: 'Namesake Labs' } });
    await createPerson({ ...ctx, input: { fullName: 'Sam Lee', organizationId: org.id } });
    await createPerson({ ...ctx, input: { fullName: 'Sam Lee', organizationId: org.id } });
    // No profile URL and no e-mail: only the name and organization can match.
    const rows = [
      connection(5, { fullName: 'Sam Lee', url: null, company: 'Namesake Labs', connectedOn: '2023-04-02' }),
    ];
    expect((await applyLinkedInImport(ctx, { rows, skipped: [] })).counts).toMatchObject({ updated: 1 });
    // The update moved that person's row on disk; the next import must still pick the same person.
    const again = await applyLinkedInImport(ctx, { rows, skipped: [] });
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 1, skipped: 0 });
  });
});
