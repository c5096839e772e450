/**
 * Importing LinkedIn connections: the shared people import (`import-people.ts`) fed with
 * Connections.csv rows. LinkedIn owns position, organization, e-mail, profile URL and
 * "Connected On"; matching and the never-overwrite-edits rule are the same for every format.
 */
import type { PersonRecord } from '../../domain/import-record.js';
import type { LinkedInConnection, SkippedConnection } from '../../domain/linkedin.js';
import type { Ctx } from '../context.js';
import {
  applyPeopleImport,
  type ImportProgress,
  type ImportSummary,
  type PeopleImportOptions,
  previewPeopleImport,
} from './import-people.js';

export type { ImportField, ImportProgress, ImportRowOutcome } from './import-people.js';
/** The summary of a LinkedIn import; the same shape as every other import's. */
export type LinkedInImportSummary = ImportSummary;

/** Rows read by `parseLinkedInConnections`, with the rows it skipped (counted and listed). */
export interface ImportInput {
  rows: LinkedInConnection[];
  skipped?: SkippedConnection[];
}

const OPTIONS: PeopleImportOptions = {
  source: 'linkedin',
  noun: 'connection',
  sources: {
    fullName: 'columns "First Name" and "Last Name"',
    title: 'column "Position"',
    organization: 'column "Company"',
    email: 'column "Email Address"',
    linkedinUrl: 'column "URL"',
  },
};

function toRecord(row: LinkedInConnection): PersonRecord {
  const record: PersonRecord = {
    line: row.line,
    fullName: row.fullName,
    title: row.position,
    organization: row.company,
    email: row.email,
    phone: null,
    linkedinUrl: row.url,
    location: null,
    notes: null,
    connectedOn: row.connectedOn,
  };
  if (row.warning) record.warning = row.warning;
  return record;
}

const records = (input: ImportInput) => ({ rows: input.rows.map(toRecord), skipped: input.skipped ?? [] });

/** What importing these connections would do; writes nothing. */
export async function previewLinkedInImport(ctx: Ctx, opts: ImportInput): Promise<LinkedInImportSummary> {
  return previewPeopleImport(ctx, records(opts), OPTIONS);
}

/**
 * Imports the connections in one transaction: every person and organization is written, or,
 * if anything fails, nothing is. `onProgress` hears how many people have been written.
 */
export async function applyLinkedInImport(
  ctx: Ctx,
  opts: ImportInput & { onProgress?: (progress: ImportProgress) => void },
): Promise<LinkedInImportSummary> {
  const input = opts.onProgress ? { ...records(opts), onProgress: opts.onProgress } : records(opts);
  return applyPeopleImport(ctx, input, OPTIONS);
}
