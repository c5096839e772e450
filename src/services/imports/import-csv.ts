/**
 * Importing people from any CSV with a column mapping: the file is inspected first (headers,
 * first rows, a suggested mapping), the user confirms the mapping, then the shared people
 * import previews and applies it. The confirmed mapping is remembered per list of headers in
 * `import_profiles`, so the next file of the same shape is mapped the same way.
 */
import { and, desc, eq } from 'drizzle-orm';
import { importProfiles } from '../../db/schema.js';
import {
  type CsvField,
  type CsvMapping,
  type CsvTable,
  checkMapping,
  csvRecords,
  type Delimiter,
  guessMapping,
  headerKey,
} from '../../domain/csv-import.js';
import type { FieldSources } from '../../domain/import-record.js';
import type { Ctx } from '../context.js';
import {
  applyPeopleImport,
  type ImportProgress,
  type ImportSummary,
  type PeopleImportOptions,
  previewPeopleImport,
} from './import-people.js';

const OPTIONS: PeopleImportOptions = { source: 'csv', noun: 'person' };
/** Rows of the file shown next to the mapping, so the user sees what each column holds. */
const SAMPLE_ROWS = 5;

export interface CsvInspection {
  delimiter: Delimiter;
  headers: string[];
  /** The first rows, one value per header. */
  sample: string[][];
  /** Rows of people in the file. */
  rowCount: number;
  /** The mapping to propose: the remembered one for these headers, or a guess. */
  mapping: CsvMapping;
  /** True when `mapping` is the one confirmed last time for a file with these headers. */
  remembered: boolean;
}

/** The mapping confirmed last time for a file with these headers, if any. */
export async function rememberedMapping(ctx: Ctx, headers: string[]): Promise<CsvMapping | null> {
  const [row] = await ctx.db
    .select({ mapping: importProfiles.mapping })
    .from(importProfiles)
    .where(
      and(
        eq(importProfiles.workspaceId, ctx.workspaceId),
        eq(importProfiles.kind, 'csv'),
        eq(importProfiles.headerKey, headerKey(headers)),
      ),
    )
    .orderBy(desc(importProfiles.createdAt))
    .limit(1);
  const mapping = row?.mapping;
  try {
    return mapping ? checkMapping(mapping, headers) : null;
  } catch {
    // A mapping saved by an older version that no longer fits is simply not proposed.
    return null;
  }
}

async function rememberMapping(ctx: Ctx, headers: string[], mapping: CsvMapping): Promise<void> {
  const key = headerKey(headers);
  const where = and(
    eq(importProfiles.workspaceId, ctx.workspaceId),
    eq(importProfiles.kind, 'csv'),
    eq(importProfiles.headerKey, key),
  );
  await ctx.db.delete(importProfiles).where(where);
  await ctx.db.insert(importProfiles).values({
    workspaceId: ctx.workspaceId,
    kind: 'csv',
    headerKey: key,
    mapping,
    createdAt: ctx.now(),
  });
}

/** Headers, first rows and the mapping to propose; writes nothing. */
export async function inspectCsv(ctx: Ctx, table: CsvTable): Promise<CsvInspection> {
  const remembered = await rememberedMapping(ctx, table.headers);
  return {
    delimiter: table.delimiter,
    headers: table.headers,
    sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => table.headers.map((_, i) => r.values[i] ?? '')),
    rowCount: table.rows.length,
    mapping: remembered ?? guessMapping(table.headers),
    remembered: remembered !== null,
  };
}

/** The columns each field is read from, for messages about a value: `column "Job Title"`. */
function sourcesOf(table: CsvTable, mapping: CsvMapping): FieldSources {
  const headersOf = (field: CsvField) => mapping.flatMap((m, i) => (m === field ? [table.headers[i]!] : []));
  const named = (headers: string[]) =>
    headers.length
      ? `column${headers.length > 1 ? 's' : ''} ${headers.map((h) => JSON.stringify(h)).join(' and ')}`
      : undefined;
  const name = headersOf('fullName').length
    ? headersOf('fullName').slice(0, 1)
    : [...headersOf('firstName').slice(0, 1), ...headersOf('lastName').slice(0, 1)];
  const sources: FieldSources = { fullName: named(name), notes: named(headersOf('notes')) };
  for (const field of ['title', 'organization', 'email', 'phone', 'linkedinUrl', 'location'] as const) {
    sources[field] = named(headersOf(field).slice(0, 1));
  }
  return sources;
}

/** What importing the file with this mapping would do; writes nothing. */
export async function previewCsvImport(ctx: Ctx, table: CsvTable, mapping: unknown): Promise<ImportSummary> {
  const checked = checkMapping(mapping, table.headers);
  return previewPeopleImport(ctx, csvRecords(table, checked), {
    ...OPTIONS,
    sources: sourcesOf(table, checked),
  });
}

/**
 * Imports the file with this mapping in one transaction, and remembers the mapping for the
 * next file with the same headers (in the same transaction: a failed import forgets it too).
 */
export async function applyCsvImport(
  ctx: Ctx,
  table: CsvTable,
  mapping: unknown,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  const checked = checkMapping(mapping, table.headers);
  const records = csvRecords(table, checked);
  return applyPeopleImport(ctx, onProgress ? { ...records, onProgress } : records, {
    ...OPTIONS,
    sources: sourcesOf(table, checked),
    also: (tx) => rememberMapping(tx, table.headers, checked),
  });
}
