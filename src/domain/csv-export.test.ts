import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, csvFileName, csvPieces, csvRows, toCsv } from './csv-export.js';

describe('CSV export', () => {
  it('starts with a byte-order mark, uses human headers and CRLF line ends', () => {
    const csv = toCsv(
      [{ header: 'Full name', value: (r: { n: string }) => r.n }],
      [{ n: 'Алексей Смирнов' }],
    );
    expect(csv.startsWith('\uFEFFFull name\r\n')).toBe(true);
    expect(csv).toContain('Алексей Смирнов\r\n');
  });

  it('quotes commas, quotes and line breaks so a spreadsheet reads one cell', () => {
    const csv = toCsv(
      [{ header: 'Notes', value: (r: { n: string }) => r.n }],
      [{ n: 'said "hi", then\nleft' }],
    );
    expect(csv).toContain('"said ""hi"", then\nleft"');
  });

  it('keeps a value with a bare CR, a bare LF or a CRLF in one cell, quoted', () => {
    const values = ['first\nsecond', 'first\rsecond', 'first\r\nsecond', 'a\n\nb\r\rc'];
    const csv = toCsv([{ header: 'Notes', value: (r: string) => r }], values);
    for (const v of values) expect(csv).toContain(`"${v}"`);
    const rows = parse(csv, { bom: true, columns: true }) as { Notes: string }[];
    expect(rows.map((r) => r.Notes)).toEqual(values);
  });

  it('defuses a formula on any line of a cell, not only the first', () => {
    const attacks = ['=1+2', '+1', '-1+1', '@SUM(1)', '\t=1', '\rx', '＝1+2'];
    for (const attack of attacks) expect(cellText(attack)).toBe(`'${attack}`);
    expect(cellText('ok\n=1+2')).toBe("ok\n'=1+2");
    expect(cellText('\r=1')).toBe("'\r'=1");
    expect(cellText('ok\r@SUM(1)\r\n+1\n-1+1\n\t=1')).toBe("ok\r'@SUM(1)\r\n'+1\n'-1+1\n'\t=1");
    // Paragraphs, and signs inside a line, are left as typed.
    expect(cellText('Met at the fair.\r\n\r\nFollow up in May.')).toBe(
      'Met at the fair.\r\n\r\nFollow up in May.',
    );
    expect(cellText('a = b\nc - d')).toBe('a = b\nc - d');

    const csv = toCsv([{ header: 'Notes', value: (r: string) => r }], ['ok\n=1+2', '@SUM(1)']);
    const rows = parse(csv, { bom: true, columns: true }) as { Notes: string }[];
    expect(rows.map((r) => r.Notes)).toEqual(["ok\n'=1+2", "'@SUM(1)"]);
    for (const cell of rows.flatMap((r) => r.Notes.split(/\r\n|\r|\n/))) {
      expect(cell).not.toMatch(/^[=+\-@\t]/);
    }
  });

  it('writes numbers as numbers, a negative one included', () => {
    const csv = toCsv([{ header: 'People', value: (r: number) => r }], [-3, 12]);
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['-3', '12']);
  });

  it('writes the file in pieces that join to the same text', async () => {
    const columns = [{ header: 'Name', value: (r: string) => r }];
    async function* pages() {
      yield ['Ada', 'ok\n=1'];
      yield [];
      yield ['Zoë'];
    }
    const pieces: string[] = [];
    for await (const piece of csvPieces(columns, pages())) pieces.push(piece);
    expect(pieces).toHaveLength(3);
    expect(pieces.join('')).toBe(toCsv(columns, ['Ada', 'ok\n=1', 'Zoë']));
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(cellText(attack)).toBe(`'${attack}`);
    }
    expect(cellText('Ada = great')).toBe('Ada = great');
    expect(cellText(-3)).toBe('-3');
    expect(cellText(['=x', 'y'])).toBe("'=x; y");
  });

  it('writes dates in ISO 8601, booleans as yes/no and nothing for null', () => {
    expect(cellText(new Date('2026-11-23T09:30:00Z'))).toBe('2026-11-23T09:30:00.000Z');
    expect(cellText(true)).toBe('yes');
    expect(cellText(null)).toBe('');
  });

  it('reads back what it wrote for any text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 5 }), (values) => {
        const csv = toCsv([{ header: 'Value', value: (r: string) => r }], values);
        const rows = parse(csv, { bom: true, columns: true, relax_column_count: true }) as {
          Value: string;
        }[];
        expect(rows.map((r) => r.Value)).toEqual(values.map((v) => cellText(v)));
      }),
    );
  });

  it('writes rows exactly as csv-stringify did, byte for byte (property)', () => {
    // The settings csv-stringify wrote the rows with before csvRows wrote them itself.
    const options = {
      record_delimiter: 'windows',
      quote_record_delimiter: true,
      quoted_match: /[\r\n]/,
    } as const;
    const tricky = fc.constantFrom(
      '',
      ',',
      '"',
      '""',
      '\r',
      '\n',
      '\r\n',
      '=1',
      '-1',
      '@',
      '\t',
      ' ',
      'a,b',
      'é',
    );
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.array(tricky, { maxLength: 4 }).map((parts) => parts.join('')),
      fc.constantFrom(null, -3, 12, true, false, new Date('2026-11-23T09:30:00Z'), ['=x', 'y,z']),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        const columns = [0, 1, 2].map((i) => ({ header: `C${i}`, value: (r: unknown[]) => r[i] }));
        const expected = rows.length
          ? stringify(
              rows.map((r) => columns.map((c) => cellText(c.value(r)))),
              options,
            )
          : '';
        expect(csvRows(columns, rows)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('names files by list and date', () => {
    expect(csvFileName('people', '2026-11-23')).toBe('rapport-people-2026-11-23.csv');
  });
});
