/**
 * Reads LinkedIn's Connections.csv ("Get a copy of your data"). Pure: text in, rows out.
 *
 * The export is UTF-8 (sometimes with a BOM), uses CRLF line endings and usually starts with a
 * "Notes:" paragraph before the header line. Older exports have no notes and no URL column.
 */
import { parse } from 'csv-parse/sync';
import { csvProblem, malformed, parseCsvInPieces } from './import-record.js';

/** One connection as read from the file, already cleaned and normalized. */
export interface LinkedInConnection {
  /** Line of the file the row ends on, counting from 1 (for messages the user can act on). */
  line: number;
  firstName: string;
  lastName: string;
  fullName: string;
  /** The profile URL in one canonical form: https://www.linkedin.com/in/slug */
  url: string | null;
  email: string | null;
  company: string | null;
  position: string | null;
  /** "Connected On" as an ISO date, e.g. 2023-02-03. */
  connectedOn: string | null;
  /** A value that was not understood and left out, e.g. an unreadable date. */
  warning?: string;
}

/** A row that is not imported, and why. */
export interface SkippedConnection {
  line: number;
  name: string | null;
  reason: string;
}

export interface ParsedConnections {
  rows: LinkedInConnection[];
  skipped: SkippedConnection[];
}

type Field = 'firstName' | 'lastName' | 'url' | 'email' | 'company' | 'position' | 'connectedOn';

/** Header names as LinkedIn writes them (and a few spellings people produce by hand). */
const HEADER_FIELDS: Record<string, Field> = {
  'first name': 'firstName',
  'last name': 'lastName',
  url: 'url',
  'profile url': 'url',
  'linkedin url': 'url',
  'email address': 'email',
  'e-mail address': 'email',
  email: 'email',
  company: 'company',
  position: 'position',
  'connected on': 'connectedOn',
};

/** The column names of a current export, in LinkedIn's order. */
export const LINKEDIN_HEADER = [
  'First Name',
  'Last Name',
  'URL',
  'Email Address',
  'Company',
  'Position',
  'Connected On',
] as const;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function headerName(cell: string): string {
  return cell.trim().replace(/^"|"$/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The header: the first line naming both First Name and Last Name. Returns its line number
 * (1-based) and where it starts in the text, or null.
 */
function findHeader(text: string): { line: number; offset: number } | null {
  const lineBreak = /\r\n|\n|\r/g;
  let offset = 0;
  for (let line = 1; offset <= text.length; line++) {
    const found = lineBreak.exec(text);
    const end = found ? found.index : text.length;
    const names = text.slice(offset, end).split(',').map(headerName);
    if (names.includes('first name') && names.includes('last name')) return { line, offset };
    if (!found) return null;
    offset = end + found[0].length;
  }
  return null;
}

/**
 * "03 Feb 2023" (LinkedIn's form), "3 February 2023" or "2023-02-03" as an ISO date; null when
 * the text is not a real calendar date.
 */
export function parseConnectedOn(text: string): string | null {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const written = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})$/.exec(value);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (written) {
    const name = written[2]!.toLowerCase();
    // "Feb", "Sept" and "February" are accepted; other words that merely start like a month are not.
    const index = MONTHS.findIndex((m) => name === m || name === m.slice(0, 3) || name === m.slice(0, 4));
    if (index < 0) return null;
    [year, month, day] = [Number(written[3]), index + 1, Number(written[1])];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** http(s), an optional www., and a path of plain segments (nothing a URL parser would change). */
const PLAIN_PROFILE_URL = /^https?:\/\/(?:www\.)?linkedin\.com((?:\/[A-Za-z0-9_-]+)+)\/*$/i;

/**
 * A profile URL in canonical form and a key for matching. `http`/`https`, `www.` or a country
 * prefix, a trailing slash, a query or the letter case of the slug never make two profiles
 * different. Text that is not a LinkedIn address is kept as written.
 */
export function normalizeLinkedInUrl(raw: string): { url: string; key: string } | null {
  const text = raw.trim();
  if (!text) return null;
  // The form exports use, read without a URL parser: an import meets it tens of thousands of times.
  const plain = PLAIN_PROFILE_URL.exec(text);
  if (plain) {
    const path = plain[1]!;
    return { url: `https://www.linkedin.com${path}`, key: `linkedin.com${path.toLowerCase()}` };
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { url: text, key: text.toLowerCase() };
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A stray % sign: match on the path as written.
  }
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) {
    return { url: `https://www.linkedin.com${path}`, key: `linkedin.com${decoded.toLowerCase()}` };
  }
  return { url: text, key: `${host}${decoded.toLowerCase()}` };
}

/** A key for matching people by name: case and spacing do not matter. */
export function personNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  if (input[0] === 0x50 && input[1] === 0x4b && input[2] === 0x03 && input[3] === 0x04) {
    throw malformed(
      1,
      'this is a ZIP archive or an Excel workbook, not a CSV file. Unzip the export LinkedIn sent you and choose Connections.csv inside it.',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw malformed(
      1,
      'the file is not UTF-8 text. Upload Connections.csv as LinkedIn sent it, or save it again as "CSV UTF-8".',
    );
  }
}

function cleanRow(
  values: string[],
  columns: (Field | null)[],
  line: number,
  dateOf: (text: string) => string | null,
): LinkedInConnection | SkippedConnection | null {
  const get = (field: Field) => {
    const i = columns.indexOf(field);
    return i < 0 ? '' : (values[i] ?? '').trim();
  };
  if (values.every((v) => !v.trim())) return null;
  const firstName = get('firstName');
  const lastName = get('lastName');
  const fullName = [firstName, lastName].filter(Boolean).join(' ');
  if (values.length !== columns.length) {
    return {
      line,
      name: fullName || null,
      reason: `has ${values.length} values but the header has ${columns.length}; a value containing a comma may be missing its quotes`,
    };
  }
  if (!fullName) return { line, name: null, reason: 'no first or last name' };
  if (firstName.toLowerCase() === 'first name' && lastName.toLowerCase() === 'last name') {
    return { line, name: null, reason: 'a repeated header line' };
  }
  const warnings: string[] = [];
  const email = get('email');
  const dateText = get('connectedOn');
  const connectedOn = dateText ? dateOf(dateText) : null;
  if (dateText && !connectedOn) warnings.push(`"Connected On" date not understood: ${dateText}`);
  const emailOk = !email || /^[^\s@]+@[^\s@]+$/.test(email);
  if (!emailOk) warnings.push(`e-mail address not understood: ${email}`);
  const row: LinkedInConnection = {
    line,
    firstName,
    lastName,
    fullName,
    url: normalizeLinkedInUrl(get('url'))?.url ?? null,
    email: email && emailOk ? email : null,
    company: get('company') || null,
    position: get('position') || null,
    connectedOn,
  };
  if (warnings.length) row.warning = warnings.join('; ');
  return row;
}

/** The text of a Connections.csv from its header line on, or the error for a file that is not one. */
function headerAndBody(input: string | Uint8Array): { firstLine: number; body: string } {
  const text = decode(input).replace(/^\uFEFF/, '');
  if (!text.trim())
    throw malformed(1, 'the file is empty. Choose the Connections.csv file from your export.');
  const header = findHeader(text);
  if (!header) {
    throw malformed(
      1,
      'no header line with "First Name" and "Last Name" was found, so this does not look like LinkedIn\'s Connections.csv. Choose Connections.csv from the export LinkedIn sent you.',
    );
  }
  return { firstLine: header.line, body: text.slice(header.offset) };
}

const CSV_OPTIONS = {
  relax_column_count: true,
  skip_empty_lines: true,
  // Each record carries the line it ends on, for messages; cheaper than the `info` option.
  on_record: (values: string[], context: { lines: number }) => Object.assign(values, { line: context.lines }),
};

type LineRecord = string[] & { line: number };

const csvFailure = (err: unknown, body: string, firstLine: number) =>
  csvProblem(err, body, {
    firstLine,
    separator: 'comma',
    unclosedHint: 'Add the missing quote, or download the export from LinkedIn again.',
  });

/**
 * Cleans the parsed records into connections and skipped rows: `next(n)` cleans the next `n`
 * records and says whether any are left.
 */
function cleaner(records: LineRecord[], firstLine: number) {
  const [names, ...data] = records;
  const columns = names!.map((cell) => HEADER_FIELDS[headerName(cell)] ?? null);
  const result: ParsedConnections = { rows: [], skipped: [] };
  // Many connections share a date; each date is read once.
  const dates = new Map<string, string | null>();
  const dateOf = (text: string) => {
    let date = dates.get(text);
    if (date === undefined) {
      date = parseConnectedOn(text);
      dates.set(text, date);
    }
    return date;
  };
  let at = 0;
  const next = (n: number): boolean => {
    for (const values of data.slice(at, at + n)) {
      const row = cleanRow(values, columns, values.line + firstLine - 1, dateOf);
      if (!row) continue;
      if ('reason' in row) result.skipped.push(row);
      else result.rows.push(row);
    }
    at += n;
    return at < data.length;
  };
  return { result, next };
}

/**
 * Parses a Connections.csv export. Rows that cannot be imported are listed with a reason; a file
 * that is not a readable LinkedIn export throws a `validation` AppError naming the line.
 */
export function parseLinkedInConnections(input: string | Uint8Array): ParsedConnections {
  const { firstLine, body } = headerAndBody(input);
  let records: LineRecord[];
  try {
    records = parse(body, CSV_OPTIONS) as LineRecord[];
  } catch (err) {
    throw csvFailure(err, body, firstLine);
  }
  const { result, next } = cleaner(records, firstLine);
  next(Number.POSITIVE_INFINITY);
  return result;
}

/**
 * The same as `parseLinkedInConnections`, a piece at a time: `pause` is awaited between two
 * pieces of the file and every 1,000 rows, so a server answers other requests meanwhile.
 */
export async function parseLinkedInConnectionsInTurns(
  input: string | Uint8Array,
  pause: () => Promise<void>,
): Promise<ParsedConnections> {
  const { firstLine, body } = headerAndBody(input);
  let records: LineRecord[];
  try {
    records = (await parseCsvInPieces(body, CSV_OPTIONS, pause)) as LineRecord[];
  } catch (err) {
    throw csvFailure(err, body, firstLine);
  }
  const { result, next } = cleaner(records, firstLine);
  while (next(1000)) await pause();
  return result;
}
