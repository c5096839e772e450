import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { byName, peopleCount } from '../../../test/people.js';
import { readCsvTable } from '../../domain/csv-import.js';
import { AppError } from '../../domain/errors.js';
import { parseVCards } from '../../domain/vcard.js';
import { findOrCreateOrganization } from '../organizations/organizations.js';
import { createPerson, getPerson, updatePerson } from '../people/people.js';
import { applyCsvImport, inspectCsv, previewCsvImport } from './import-csv.js';
import { applyVCardImport, previewVCardImport } from './import-vcard.js';

const bytes = (dir: string, name: string) =>
  readFileSync(new URL(`../../../test/fixtures/${dir}/${name}`, import.meta.url));
const vcards = (name: string) => parseVCards(bytes('vcard', name));
const csv = (name: string) => readCsvTable(bytes('csv', name));

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('vCard import', () => {
  it('previews without writing, then imports every person card with its fields', async () => {
    const ctx = await t.otherWorkspace();
    const parsed = vcards('apple-contacts.vcf');
    const preview = await previewVCardImport(ctx, parsed);
    expect(preview).toMatchObject({
      applied: false,
      total: 3,
      counts: { new: 2, updated: 0, unchanged: 0, skipped: 1 },
      organizationsCreated: 2,
    });
    expect(preview.skipped[0]).toMatchObject({ line: 47, reason: expect.stringMatching(/organization/) });
    expect(await peopleCount(ctx)).toBe(0);

    const progress: number[] = [];
    const result = await applyVCardImport(ctx, { ...parsed, onProgress: (p) => progress.push(p.done) });
    expect(result).toMatchObject({ applied: true, counts: preview.counts });
    expect(progress.at(-1)).toBe(2);
    expect(await byName(ctx, 'Bruno Okafor')).toMatchObject({
      organizationName: 'Initech',
      title: 'VP Partnerships',
      email: 'bruno.okafor@example.com',
      phone: '+44 7700 900123',
      location: 'London, United Kingdom',
      linkedinUrl: 'https://www.linkedin.com/in/bruno-okafor-demo',
      source: 'vcard',
    });
    expect(await peopleCount(t.ctx)).toBe(0);

    const again = await applyVCardImport(ctx, parsed);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 2, skipped: 1 });
    expect(await peopleCount(ctx)).toBe(2);
  });

  it('matches people already here, keeps what the user edited, and never replaces their notes', async () => {
    const ctx = await t.otherWorkspace();
    // Matched by e-mail, though the name differs.
    const diego = await createPerson({
      ...ctx,
      input: { fullName: 'Diego F.', email: 'DIEGO.FERNANDEZ@lumiere.example', notes: 'My own notes' },
    });
    await updatePerson({ ...ctx, id: diego.id, input: { title: 'Sales lead (my words)' } });
    const result = await applyVCardImport(ctx, vcards('outlook-2.1.vcf'));
    expect(result.counts).toEqual({ new: 0, updated: 1, unchanged: 0, skipped: 0 });
    expect(result.rows[0]).toMatchObject({
      outcome: 'updated',
      changes: ['organization', 'phone', 'linkedinUrl', 'location'],
      kept: ['title'],
    });
    expect(await getPerson({ ...ctx, id: diego.id })).toMatchObject({
      fullName: 'Diego F.',
      title: 'Sales lead (my words)',
      organizationName: 'Lumière & Fils, S.A.',
      phone: '+33 6 12 34 56 78',
      location: 'Paris, France',
      notes: 'My own notes',
    });
  });

  it('fills in empty notes of a match found by name and organization', async () => {
    const ctx = await t.otherWorkspace();
    const org = await findOrCreateOrganization({ ...ctx, name: 'ADEYEMI & PARTNERS LLP' });
    const ngozi = await createPerson({ ...ctx, input: { fullName: 'ngozi  adeyemi', organizationId: org } });
    await applyVCardImport(ctx, vcards('contacts-4.0.vcf'));
    expect(await getPerson({ ...ctx, id: ngozi.id })).toMatchObject({
      notes: 'Introduced by Marta, via e-mail; wants to talk about fintech.\nCall in Q2.',
      email: 'ngozi@adeyemi.example',
    });
    expect(await peopleCount(ctx)).toBe(2);
  });
});

describe('CSV import with a column mapping', () => {
  it('proposes a mapping from the headers, imports with the confirmed one, and remembers it', async () => {
    const ctx = await t.otherWorkspace();
    const table = csv('people-semicolon.csv');
    const first = await inspectCsv(ctx, table);
    expect(first).toMatchObject({
      delimiter: ';',
      headers: ['Name', 'E-mail', 'Firma', 'Position', 'LinkedIn', 'Notizen', 'Ort'],
      rowCount: 4,
      mapping: ['fullName', 'email', 'organization', 'title', 'linkedinUrl', 'notes', 'location'],
      remembered: false,
    });
    expect(first.sample[0]).toEqual([
      'Ana Silva',
      'ana.silva@acme.example',
      'Acme, Inc.',
      'Data Analyst',
      'linkedin.com/in/anasilva-demo',
      'Met at the meetup; wants\nto talk again',
      'São Paulo',
    ]);

    // The user keeps the places out of it.
    const mapping = [...first.mapping];
    mapping[6] = 'ignore';
    const preview = await previewCsvImport(ctx, table, mapping);
    expect(preview.counts).toEqual({ new: 3, updated: 0, unchanged: 0, skipped: 1 });
    expect(preview.skipped).toEqual([{ line: 6, name: null, reason: 'no name and no e-mail address' }]);
    expect(preview.rows.find((r) => r.name === '王小明')?.reason).toBe(
      'e-mail address not understood: not-an-address',
    );
    expect(await peopleCount(ctx)).toBe(0);
    expect((await inspectCsv(ctx, table)).remembered).toBe(false);

    const result = await applyCsvImport(ctx, table, mapping);
    expect(result.counts).toEqual(preview.counts);
    expect(await byName(ctx, 'Ana Silva')).toMatchObject({
      organizationName: 'Acme, Inc.',
      linkedinUrl: 'https://www.linkedin.com/in/anasilva-demo',
      notes: 'Met at the meetup; wants\nto talk again',
      location: null,
      source: 'csv',
    });
    const next = await inspectCsv(ctx, table);
    expect(next).toMatchObject({ mapping, remembered: true });
    // Another workspace does not see it.
    expect((await inspectCsv(t.ctx, table)).remembered).toBe(false);
  });

  it('refuses a mapping without a name or with a field chosen twice, naming the columns', async () => {
    const ctx = await t.otherWorkspace();
    const table = csv('people-semicolon.csv');
    const noName = ['ignore', 'email', 'organization', 'title', 'linkedinUrl', 'notes', 'location'];
    await expect(previewCsvImport(ctx, table, noName)).rejects.toThrow(AppError);
    await expect(previewCsvImport(ctx, table, noName)).rejects.toMatchObject({
      userMessage: expect.stringMatching(/^mapping: choose the column with the name/),
    });
    const twice = ['fullName', 'email', 'email', 'title', 'ignore', 'ignore', 'ignore'];
    await expect(applyCsvImport(ctx, table, twice)).rejects.toMatchObject({
      userMessage: 'mapping: E-mail is chosen for both "E-mail" and "Firma"; keep one.',
    });
    expect(await peopleCount(ctx)).toBe(0);
  });

  it('reads an Outlook CSV in Windows-1252 with first and last names', async () => {
    const ctx = await t.otherWorkspace();
    const table = csv('outlook-contacts.csv');
    const { mapping } = await inspectCsv(ctx, table);
    const result = await applyCsvImport(ctx, table, mapping);
    expect(result.counts).toEqual({ new: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(await byName(ctx, 'Jürgen Müller')).toMatchObject({
      title: 'CTO',
      organizationName: 'Schöne Software GmbH',
      location: 'München',
    });
  });
});
