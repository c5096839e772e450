import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, csvFileName, toCsv } from './csv-export.js';

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

  it('names files by list and date', () => {
    expect(csvFileName('people', '2026-11-23')).toBe('rapport-people-2026-11-23.csv');
  });
});
