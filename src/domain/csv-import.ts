/**
 * Reads any CSV of contacts (Excel, Google Sheets, Outlook, a CRM export) and turns its rows
 * into people with a column mapping the user confirms. Pure: text in, rows out.
 *
 * csv-parse does the reading; this module finds the delimiter (comma, semicolon as European
 * Excel writes, or tab), guesses a mapping from the header names, checks a mapping, and names
 * the line of anything it cannot read.
 */
import { parse } from 'csv-parse/sync';
import type { CsvField, CsvMapping } from './csv-mapping.js';
import {
  clean,
  csvProblem,
  decodeText,
  emptyRecord,
  looksLikeEmail,
  malformed,
  type ParsedRecords,
  type PersonRecord,
  parseCsvInPieces,
  type SkippedRecord,
} from './import-record.js';
import { normalizeLinkedInUrl, parseConnectedOn } from './linkedin.js';

export {
  CSV_FIELD_LABELS,
  CSV_FIELDS,
  type CsvField,
  type CsvMapping,
  checkMapping,
  headerKey,
} from './csv-mapping.js';

export type Delimiter = ',' | ';' | '\t';

/** A CSV file read into a header and rows, each row with the line it ends on. */
export interface CsvTable {
  delimiter: Delimiter;
  headers: string[];
  rows: { line: number; values: string[] }[];
}

/** The delimiter of the header line: the one of , ; and tab it uses most outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Reads a CSV file: the first non-empty line is the header. A file that is not CSV (an Excel
 * workbook, a broken quote) throws a `validation` AppError naming the line.
 */
export function readCsvTable(input: string | Uint8Array): CsvTable {
  const { text, delimiter } = prepare(input);
  let records: CsvRecord[];
  try {
    records = parse(text, csvOptions(delimiter)) as CsvRecord[];
  } catch (err) {
    throw csvFailure(err, text);
  }
  return tableOf(delimiter, records);
}

/**
 * The same as `readCsvTable`, a piece at a time: `pause` is awaited between two pieces of the
 * file, so a server reading a large file answers other requests meanwhile.
 */
export async function readCsvTableInTurns(
  input: string | Uint8Array,
  pause: () => Promise<void>,
): Promise<CsvTable> {
  const { text, delimiter } = prepare(input);
  let records: CsvRecord[];
  try {
    records = (await parseCsvInPieces(text, csvOptions(delimiter), pause)) as CsvRecord[];
  } catch (err) {
    throw csvFailure(err, text);
  }
  return tableOf(delimiter, records);
}

type CsvRecord = string[] & { line: number };

/** The file's text with one kind of line break, and its delimiter; refuses files that are no CSV. */
function prepare(input: string | Uint8Array): { text: string; delimiter: Delimiter } {
  if (typeof input !== 'string' && input[0] === 0x50 && input[1] === 0x4b && input[2] === 0x03) {
    throw malformed(
      1,
      'this is an Excel workbook or a ZIP archive, not a CSV file. In your spreadsheet choose File, then Save As (or Download), then "CSV UTF-8", and choose that file.',
    );
  }
  // One kind of line break, so csv-parse counts lines as an editor does.
  const text = decodeText(input).replace(/\r\n?/g, '\n');
  if (!text.trim())
    throw malformed(1, 'the file is empty. Choose a CSV file with a header line and one person a line.');
  if (/^\s*"?Notes:"?\s*\n/.test(text)) {
    throw malformed(
      1,
      'this looks like LinkedIn’s Connections.csv, which starts with a "Notes:" paragraph. Use Import from LinkedIn (rapport import linkedin), which reads it as it is.',
    );
  }
  return { text, delimiter: detectDelimiter(text.replace(/^\s*[\r\n]+/, '')) };
}

const csvOptions = (delimiter: Delimiter) => ({
  delimiter,
  relax_column_count: true,
  skip_empty_lines: true,
  on_record: (values: string[], context: { lines: number }) => Object.assign(values, { line: context.lines }),
});

const csvFailure = (err: unknown, text: string) =>
  csvProblem(err, text, {
    separator: 'delimiter',
    unclosedHint: 'Add the quote, or save the file from your spreadsheet again as CSV.',
  });

function tableOf(delimiter: Delimiter, records: CsvRecord[]): CsvTable {
  const [header, ...data] = records.filter((r) => r.some((v) => v.trim()));
  if (!header) throw malformed(1, 'the file has no header line.');
  if (!data.length) {
    throw malformed(header.line, 'the file has a header line but no rows of people below it.');
  }
  const headers = header.map((h, i) => h.trim() || `Column ${i + 1}`);
  return { delimiter, headers, rows: data.map((values) => ({ line: values.line, values: [...values] })) };
}

/** A header name as a key: case, spaces and punctuation do not matter. */
const norm = (header: string) =>
  header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Header names and the field they most likely hold, tried in order. */
const GUESSES: [RegExp, CsvField | 'ignore'][] = [
  [/(type|label)$/, 'ignore'],
  [/^(first|given|fore)name$|^first$|^givenname|^prenom$|^vorname$/, 'firstName'],
  [/^(last|family|sur)name$|^last$|^surname|^nachname$/, 'lastName'],
  [/^(full|display|contact|person)?name$|^contact$/, 'fullName'],
  [/linkedin|^(profile)?url$/, 'linkedinUrl'],
  [/e?mail/, 'email'],
  [/phone|mobile|^cell|^tel/, 'phone'],
  [/title$|position|^role$|^jobtitle/, 'title'],
  [/company|organi[sz]ation|employer|^org$|^firma$|^empresa$/, 'organization'],
  [/notes?$|comments?$|^description$|^notiz/, 'notes'],
  [/location|city$|^town$|^country$|^region$|address|^ort$|^stadt$|^ville$|^ciudad$/, 'location'],
  [/connected|^since$/, 'connectedOn'],
];

/** A mapping guessed from the header names; each field goes to the first column that fits. */
export function guessMapping(headers: string[]): CsvMapping {
  const used = new Set<CsvField>();
  // Outlook's CSV has both "Title" (Mr, Dr) and "Job Title"; the bare one is then the honorific.
  const hasJobTitle = headers.some((h) => norm(h) === 'jobtitle');
  return headers.map((h) => {
    const key = norm(h);
    if (key === 'title' && hasJobTitle) return 'ignore';
    const found = GUESSES.find(([pattern]) => pattern.test(key))?.[1] ?? 'ignore';
    if (found === 'ignore' || (used.has(found) && found !== 'notes')) return 'ignore';
    used.add(found);
    return found;
  });
}

/** The rows of the table as people, with the mapping the user confirmed. */
export function csvRecords(table: CsvTable, mapping: CsvMapping): ParsedRecords {
  const columns = new Map<CsvField, number[]>();
  for (const [i, field] of mapping.entries()) {
    if (field !== 'ignore') columns.set(field, [...(columns.get(field) ?? []), i]);
  }
  const noteColumns = columns.get('notes') ?? [];
  const result: ParsedRecords = { rows: [], skipped: [] };
  for (const { line, values } of table.rows) {
    const get = (field: CsvField) => {
      const i = columns.get(field)?.[0];
      return i === undefined ? null : clean(values[i]);
    };
    const name = get('fullName') ?? clean([get('firstName'), get('lastName')].filter(Boolean).join(' '));
    const email = get('email');
    if (values.length > table.headers.length && values.slice(table.headers.length).some((v) => v.trim())) {
      const skip: SkippedRecord = {
        line,
        name,
        reason: `has ${values.length} values but the header has ${table.headers.length}; a value containing "${table.delimiter === '\t' ? 'tab' : table.delimiter}" may be missing its quotes`,
      };
      result.skipped.push(skip);
      continue;
    }
    if (!name && !email) {
      result.skipped.push({ line, name: null, reason: 'no name and no e-mail address' });
      continue;
    }
    const record: PersonRecord = emptyRecord(line, name ?? email!);
    const warnings: string[] = [];
    if (email) {
      if (looksLikeEmail(email)) record.email = email;
      else warnings.push(`e-mail address not understood: ${email}`);
    }
    record.phone = get('phone');
    record.organization = get('organization');
    record.title = get('title');
    const url = get('linkedinUrl');
    record.linkedinUrl = url ? (normalizeLinkedInUrl(url)?.url ?? null) : null;
    record.location = get('location');
    const notes = noteColumns
      .map((i) => [table.headers[i]!, clean(values[i])] as const)
      .filter(([, v]) => v !== null);
    record.notes = notes.length === 1 ? notes[0]![1] : clean(notes.map(([h, v]) => `${h}: ${v}`).join('\n'));
    const date = get('connectedOn');
    if (date) {
      record.connectedOn = parseConnectedOn(date);
      if (!record.connectedOn) warnings.push(`date not understood: ${date}`);
    }
    if (warnings.length) record.warning = warnings.join('; ');
    result.rows.push(record);
  }
  return result;
}
