import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { byName, peopleCount } from '../../../test/people.js';
import { readCsvTable } from '../../domain/csv-import.js';
import { parseLinkedInConnections } from '../../domain/linkedin.js';
import { parseVCards } from '../../domain/vcard.js';
import { applyCsvImport, previewCsvImport } from './import-csv.js';
import { applyLinkedInImport, previewLinkedInImport } from './import-linkedin.js';
import { applyVCardImport, previewVCardImport } from './import-vcard.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const linkedin = (...rows: string[]) => parseLinkedInConnections([HEADER, ...rows].join('\r\n'));
const ada = 'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.com,Analytical,Engineer,03 Feb 2023';

describe('imports check every value with the API’s rules', () => {
  it('skips a 10,001-character name, naming line and column, and writes only the good rows', async () => {
    const ctx = await t.otherWorkspace();
    const parsed = linkedin(ada, `${'N'.repeat(9_996)},Long,,,,,`);
    const preview = await previewLinkedInImport(ctx, parsed);
    expect(preview.counts).toEqual({ new: 1, updated: 0, unchanged: 0, skipped: 1 });
    expect(preview.skipped).toEqual([
      {
        line: 3,
        name: `${'N'.repeat(200)}…`,
        reason:
          'columns "First Name" and "Last Name": the value is 10,001 characters long, more than the 200 allowed',
      },
    ]);
    const result = await applyLinkedInImport(ctx, parsed);
    expect(result.counts).toEqual(preview.counts);
    expect(await peopleCount(ctx)).toBe(1);
    expect(await byName(ctx, 'Ada Lovelace')).toMatchObject({ title: 'Engineer' });
  });

  it('skips a javascript: profile URL instead of storing it as a link', async () => {
    const ctx = await t.otherWorkspace();
    const parsed = linkedin('Eve,Hacker,javascript:alert(document.cookie),eve@example.com,Evil,Boss,');
    const preview = await previewLinkedInImport(ctx, parsed);
    expect(preview.counts.skipped).toBe(1);
    expect(preview.skipped[0]).toEqual({
      line: 2,
      name: 'Eve Hacker',
      reason:
        'column "URL": the value "javascript:alert(document.cookie)" is not a web address starting with http:// or https://',
    });
    expect(preview.rows[0]).toMatchObject({ line: 2, outcome: 'skipped' });
    await applyLinkedInImport(ctx, parsed);
    expect(await peopleCount(ctx)).toBe(0);
  });

  it('skips a 19 MB cell with a short reason, and writes nothing', async () => {
    const ctx = await t.otherWorkspace();
    const huge = 'x'.repeat(19 * 1024 * 1024);
    const table = readCsvTable(`Name,Email,Notes\nBig Cell,big@example.com,${huge}\n`);
    const mapping = ['fullName', 'email', 'notes'];
    const preview = await previewCsvImport(ctx, table, mapping);
    expect(preview.skipped).toEqual([
      {
        line: 2,
        name: 'Big Cell',
        reason: 'column "Notes": the value is 19,922,944 characters long, more than the 50,000 allowed',
      },
    ]);
    expect(JSON.stringify(preview).length).toBeLessThan(5000);
    const result = await applyCsvImport(ctx, table, mapping);
    expect(result.counts).toEqual({ new: 0, updated: 0, unchanged: 0, skipped: 1 });
    expect(await peopleCount(ctx)).toBe(0);
  });

  it('skips a value with a NUL character, as the API refuses one', async () => {
    const ctx = await t.otherWorkspace();
    const parsed = parseVCards(
      ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Nul Person', 'ORG:Acme\u0000Corp', 'END:VCARD', ''].join('\r\n'),
    );
    const preview = await previewVCardImport(ctx, parsed);
    expect(preview.skipped).toEqual([
      {
        line: 1,
        name: 'Nul Person',
        reason:
          'property ORG: the value contains a NUL character (\\u0000), which no text can hold; remove it and try again',
      },
    ]);
    await applyVCardImport(ctx, parsed);
    expect(await peopleCount(ctx)).toBe(0);
  });

  it('leaves out an e-mail address the API would refuse, and says so', async () => {
    const ctx = await t.otherWorkspace();
    const parsed = linkedin('Local,Host,,jane@localhost,,,');
    const preview = await previewLinkedInImport(ctx, parsed);
    expect(preview.counts.new).toBe(1);
    expect(preview.rows[0]!.reason).toBe('e-mail address not understood: "jane@localhost"');
    await applyLinkedInImport(ctx, parsed);
    expect(await byName(ctx, 'Local Host')).toMatchObject({ email: null });
  });
});
