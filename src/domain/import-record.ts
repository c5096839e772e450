/**
 * What every import format (LinkedIn, vCard, CSV) is read into: one person per record, already
 * cleaned, with the line of the file it came from so every message can point at it; and the
 * error every format raises for a file it cannot read, naming the line.
 */
import { type Options as CsvOptions, parse as csvParser } from 'csv-parse';
import { AppError } from './errors.js';
import {
  IMPORTED_PERSON_FIELDS,
  type ImportedPersonField,
  importedValueProblem,
  isEmailAddress,
  quote,
} from './person-fields.js';

/** One person read from an import file. Empty values are null, never "". */
export interface PersonRecord {
  /** Line of the file the record starts (vCard) or ends (CSV) on, counting from 1. */
  line: number;
  fullName: string;
  title: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  location: string | null;
  notes: string | null;
  /** When the relationship began, as an ISO date. */
  connectedOn: string | null;
  /** A value that was not understood and left out, e.g. an unreadable date. */
  warning?: string;
}

/** A record that is not imported, and why. */
export interface SkippedRecord {
  line: number;
  name: string | null;
  reason: string;
}

/** What a parser hands to the import services. */
export interface ParsedRecords {
  rows: PersonRecord[];
  skipped: SkippedRecord[];
}

/** A record with every optional field empty; parsers fill in what they found. */
export function emptyRecord(line: number, fullName: string): PersonRecord {
  return {
    line,
    fullName,
    title: null,
    organization: null,
    email: null,
    phone: null,
    linkedinUrl: null,
    location: null,
    notes: null,
    connectedOn: null,
  };
}

/** Where each field of a record was read in the file, as a message says it: `column "Position"`. */
export type FieldSources = Partial<Record<ImportedPersonField, string>>;

/** Text shown in a preview: never longer than `max`, never a NUL character. */
export function shown(text: string, max = 200): string {
  const plain = text.split('\u0000').join('');
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

/**
 * Checks every value of a record with the API's rules for a person (src/domain/person-fields.ts).
 * A value the API would refuse (too long, a NUL character, a profile URL that is not http or
 * https) skips the record, naming the line and the column, as a form would refuse it. An e-mail
 * address the API does not accept is left out with a warning, as the parsers do with one they
 * cannot read: the person is still worth importing.
 */
export function checkRecord(record: PersonRecord, sources: FieldSources = {}): PersonRecord | SkippedRecord {
  for (const field of Object.keys(IMPORTED_PERSON_FIELDS) as ImportedPersonField[]) {
    const value = record[field];
    if (value === null) continue;
    const problem = importedValueProblem(field, value);
    if (problem) {
      const where = sources[field] ?? `the ${IMPORTED_PERSON_FIELDS[field]}`;
      return { line: record.line, name: shown(record.fullName), reason: `${where}: the value ${problem}` };
    }
  }
  if (record.email && !isEmailAddress(record.email)) {
    const warning = `e-mail address not understood: ${quote(record.email)}`;
    return { ...record, email: null, warning: record.warning ? `${record.warning}; ${warning}` : warning };
  }
  return record;
}

/** Trimmed text, or null when nothing is left. */
export function clean(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/** A loose check for an e-mail address: something, an @, something. */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(text);
}

/**
 * Text of an import file. UTF-8 (with or without a BOM) is the norm; UTF-16 with a BOM and
 * Windows-1252 (older Outlook and Excel files) are read too, so accents survive.
 */
export function decodeText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  if (input[0] === 0xff && input[1] === 0xfe) return new TextDecoder('utf-16le').decode(input.subarray(2));
  if (input[0] === 0xfe && input[1] === 0xff) return new TextDecoder('utf-16be').decode(input.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(input);
  }
}

/** A file that cannot be read: a `validation` error naming the line and the problem. */
export function malformed(line: number, problem: string): AppError {
  return new AppError('validation', {
    userMessage: `Line ${line}: ${problem}`,
    issues: [{ field: 'file', message: `line ${line}: ${problem}` }],
    details: { line },
  });
}

/** The line (1-based) on which the quoted value that never closes was opened. */
function openingQuoteLine(text: string): number {
  let line = 1;
  let opened = 1;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      if (quoted) opened = line;
    } else if (ch === '\n') {
      line++;
    }
  }
  return opened;
}

/**
 * What csv-parse could not read, in words, on the file's line: `firstLine` is the line of the
 * file where the parsed text starts; `separator` names what separates values ("comma");
 * `unclosedHint` says how to mend a quote that never closes in this kind of file.
 */
export function csvProblem(
  err: unknown,
  text: string,
  opts: { firstLine?: number; separator: string; unclosedHint: string },
): AppError {
  const e = err as { code?: string; lines?: number; message?: string };
  const offset = (opts.firstLine ?? 1) - 1;
  const line = (e.lines ?? 1) + offset;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return malformed(
        openingQuoteLine(text) + offset,
        `a quoted value starts here but its closing quote (") is missing. ${opts.unclosedHint}`,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return malformed(
        line,
        `a quoted value is followed by other characters before the next ${opts.separator}. A quote inside a quoted value must be doubled ("").`,
      );
    case 'INVALID_OPENING_QUOTE':
      return malformed(
        line,
        'a quote (") appears inside a value that does not start with one. Put the whole value in quotes and double the inner quote ("").',
      );
    default:
      return malformed(line, `the file cannot be read as CSV (${e.message ?? 'unknown problem'}).`);
  }
}

/** Characters of CSV text parsed between two pauses. */
const PIECE_CHARS = 64 * 1024;

/**
 * Parses CSV text as csv-parse's `parse` from 'csv-parse/sync' does, with the same records and
 * errors, but a piece at a time, awaiting `pause` between pieces: a server reading a large file
 * answers other requests meanwhile.
 */
export async function parseCsvInPieces(
  text: string,
  options: CsvOptions,
  pause: () => Promise<void>,
): Promise<unknown[]> {
  const parser = csvParser(options);
  const records: unknown[] = [];
  let failure: unknown;
  parser.on('data', (record: unknown) => records.push(record));
  const over = new Promise<void>((resolve) => {
    parser.once('end', resolve);
    parser.once('error', (err) => {
      failure ??= err;
      resolve();
    });
  });
  for (let at = 0; at < text.length && failure === undefined; ) {
    let end = Math.min(at + PIECE_CHARS, text.length);
    // A character outside the BMP is two UTF-16 units; a piece never ends between them.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    parser.write(text.slice(at, end));
    at = end;
    await pause();
  }
  if (failure === undefined) parser.end();
  await over;
  if (failure !== undefined) throw failure;
  return records;
}
