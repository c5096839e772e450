import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors.js';
import {
  checkMapping,
  csvRecords,
  detectDelimiter,
  guessMapping,
  headerKey,
  readCsvTable,
  readCsvTableInTurns,
} from './csv-import.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/csv/${name}`, import.meta.url));

describe('readCsvTable', () => {
  it('finds the delimiter: comma, semicolon or tab, ignoring ones inside quotes', () => {
    expect(detectDelimiter('Name,E-mail\nAna,a@x')).toBe(',');
    expect(detectDelimiter('"Name, full";E-mail;Company\n')).toBe(';');
    expect(detectDelimiter('Name\tE-mail\tCompany, Inc.\n')).toBe('\t');
    expect(detectDelimiter('Name\n')).toBe(',');
  });

  it('reads a semicolon file with a BOM and quoted line breaks, with the line each row ends on', () => {
    const table = readCsvTable(fixture('people-semicolon.csv'));
    expect(table.headers[0]).toBe('Name');
    expect(table.rows.map((r) => r.line)).toEqual([3, 4, 5, 6]);
  });

  it('names the line of a broken quote, and refuses Excel workbooks and files without rows', () => {
    expect(errorOf(() => readCsvTable(fixture('broken-quote.csv'))).userMessage).toMatch(/^Line 3: /);
    expect(errorOf(() => readCsvTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).userMessage).toMatch(
      /Excel workbook/,
    );
    expect(errorOf(() => readCsvTable('Name,Email\n\n')).userMessage).toMatch(/^Line 1: .*no rows/);
    const linkedIn = readFileSync(
      new URL('../../test/fixtures/linkedin/connections-2025-01.csv', import.meta.url),
    );
    expect(errorOf(() => readCsvTable(linkedIn)).userMessage).toMatch(
      /^Line 1: this looks like LinkedIn’s Connections\.csv/,
    );
  });

  it('reads back any table csv-stringify writes, whatever the delimiter', () => {
    const cell = fc.string({ maxLength: 20 }).filter((s) => !s.includes('\r'));
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (delimiter, rows) => {
          const data = rows.filter((r) => r.some((v) => v.trim()));
          fc.pre(data.length > 0);
          const text = stringify([['Name', 'E-mail', 'Notes'], ...data], { delimiter, quoted: true });
          const table = readCsvTable(text);
          expect(table.rows.map((r) => r.values)).toEqual(data);
        },
      ),
    );
  });
});

describe('column mapping', () => {
  it('guesses fields from common header names, each field once', () => {
    expect(
      guessMapping([
        'First Name',
        'Last Name',
        'E-mail Address',
        'Company',
        'Job Title',
        'Mobile Phone',
        'LinkedIn',
        'Notes',
        'Location',
        'E-mail 2 Address',
        'Title',
        'Birthday',
      ]),
    ).toEqual([
      'firstName',
      'lastName',
      'email',
      'organization',
      'title',
      'phone',
      'linkedinUrl',
      'notes',
      'location',
      'ignore',
      'ignore',
      'ignore',
    ]);
    expect(guessMapping(['Name', 'Organization', 'Email Type', 'Connected On'])).toEqual([
      'fullName',
      'organization',
      'ignore',
      'connectedOn',
    ]);
  });

  it("guesses Google Contacts' CSV columns", () => {
    const headers = [
      'First Name',
      'Middle Name',
      'Last Name',
      'Nickname',
      'Birthday',
      'Notes',
      'E-mail 1 - Label',
      'E-mail 1 - Value',
      'Phone 1 - Label',
      'Phone 1 - Value',
      'Address 1 - Label',
      'Address 1 - Formatted',
      'Organization Name',
      'Organization Title',
      'Website 1 - Value',
    ];
    expect(Object.fromEntries(headers.map((h, i) => [h, guessMapping(headers)[i]]))).toEqual({
      'First Name': 'firstName',
      'Middle Name': 'ignore',
      'Last Name': 'lastName',
      Nickname: 'ignore',
      Birthday: 'ignore',
      Notes: 'notes',
      'E-mail 1 - Label': 'ignore',
      'E-mail 1 - Value': 'email',
      'Phone 1 - Label': 'ignore',
      'Phone 1 - Value': 'phone',
      'Address 1 - Label': 'ignore',
      'Address 1 - Formatted': 'location',
      'Organization Name': 'organization',
      'Organization Title': 'title',
      'Website 1 - Value': 'ignore',
    });
  });

  it('keys remembered mappings on the headers, whatever their case and spacing', () => {
    expect(headerKey([' First  Name', 'EMAIL'])).toBe(headerKey(['first name', 'email']));
    expect(headerKey(['a', 'b'])).not.toBe(headerKey(['b', 'a']));
  });

  it('refuses mappings of the wrong length, unknown fields, fields twice and no name', () => {
    const headers = ['Name', 'Mail'];
    expect(errorOf(() => checkMapping(['fullName'], headers)).userMessage).toMatch(/each of the 2 columns/);
    expect(errorOf(() => checkMapping(['fullName', 'age'], headers)).userMessage).toMatch(
      /"age" .* is not a field/,
    );
    expect(errorOf(() => checkMapping(['email', 'email'], headers)).userMessage).toMatch(
      /both "Name" and "Mail"/,
    );
    expect(errorOf(() => checkMapping(['email', 'ignore'], headers)).userMessage).toMatch(/the name/);
    expect(checkMapping(['firstName', 'email'], headers)).toEqual(['firstName', 'email']);
  });

  it('joins first and last names, names a row after its e-mail, and collects several notes columns', () => {
    const table = readCsvTable(
      'First,Last,Mail,Met at,Topic,Born\nAna,Silva,,Meetup,Data,12 May\n,,bo@x.example,,,\n,,,,,x\n',
    );
    const { rows, skipped } = csvRecords(table, [
      'firstName',
      'lastName',
      'email',
      'notes',
      'notes',
      'connectedOn',
    ]);
    expect(rows[0]).toMatchObject({
      fullName: 'Ana Silva',
      notes: 'Met at: Meetup\nTopic: Data',
      warning: 'date not understood: 12 May',
    });
    expect(rows[1]).toMatchObject({ fullName: 'bo@x.example', email: 'bo@x.example' });
    expect(skipped).toEqual([{ line: 4, name: null, reason: 'no name and no e-mail address' }]);
  });
});

describe('readCsvTableInTurns', () => {
  it('reads a large file as the one-pass reader does, pausing between pieces', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => [`Zoë 🙂 ${i}`, `z${i}@example.com`, `Acme; "${i}"`]);
    const text = stringify([['Name', 'Email', 'Company'], ...rows], { delimiter: ';' });
    const counted = { n: 0, pause: async () => void counted.n++ };
    const inTurns = await readCsvTableInTurns(text, counted.pause);
    expect(inTurns).toEqual(readCsvTable(text));
    expect(inTurns.delimiter).toBe(';');
    expect(inTurns.rows).toHaveLength(6000);
    expect(counted.n).toBeGreaterThan(3);
    const broken = await readCsvTableInTurns(fixture('broken-quote.csv'), counted.pause).catch((e) => e);
    expect(broken.userMessage).toBe(errorOf(() => readCsvTable(fixture('broken-quote.csv'))).userMessage);
  });
});
