/**
 * What every import format (LinkedIn, vCard, CSV) is read into: one person per record, already
 * cleaned, with the line of the file it came from so every message can point at it.
 */

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
