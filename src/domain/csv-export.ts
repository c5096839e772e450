/**
 * Writing a list as CSV that spreadsheets open well: UTF-8 with a byte-order mark (without it
 * Excel reads non-Latin names as mojibake), CRLF line ends, human headers, ISO dates, and every
 * text cell that a spreadsheet would run as a formula defused with a leading apostrophe
 * (OWASP's advice on CSV injection).
 */
import { stringify } from 'csv-stringify/sync';

/** One column of an export: its header and how a row gives its value. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A value as cell text: dates in ISO 8601, lists joined, yes/no, and formulas defused. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return cellText(value.map((v) => cellText(v)).join('; '));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The whole file, byte-order mark first. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: Iterable<T>): string {
  const records = [...rows].map((row) => columns.map((c) => cellText(c.value(row))));
  return stringify(records, {
    bom: true,
    header: true,
    columns: columns.map((c) => c.header),
    record_delimiter: 'windows',
  });
}

/** `rapport-people-2026-11-23.csv`. */
export function csvFileName(list: string, localDate: string): string {
  return `rapport-${list}-${localDate}.csv`;
}
