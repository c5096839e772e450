/**
 * The imports' client (LinkedIn, vCard, CSV): typed previews, the CSV inspection, and an apply
 * that reads the server's progress lines as they arrive. Types come from the server's routes.
 */
import type { InferResponseType } from 'hono/client';
import { api, call } from '../api.js';
import { followProgress, type Progress } from '../ui/progress-stream.js';

export type ImportSummary = InferResponseType<typeof api.imports.linkedin.preview.$post, 200>;
export type ImportRow = ImportSummary['rows'][number];
export type ImportField = ImportRow['changes'][number];
export type CsvInspection = InferResponseType<typeof api.imports.csv.inspect.$post, 200>;
export type CsvMapping = CsvInspection['mapping'];
export type CsvFieldChoice = CsvMapping[number];

/** The formats the import hub offers. */
export type ImportFormat = 'linkedin' | 'vcard' | 'csv';

export type ImportProgress = Progress;

/** The columns of a CSV file, its first rows and the mapping to propose; writes nothing. */
export function inspectCsv(file: File): Promise<CsvInspection> {
  return call(api.imports.csv.inspect.$post({ form: { file } }));
}

/** What importing the file would do; writes nothing. A CSV file needs its column mapping. */
export function previewImport(
  format: ImportFormat,
  file: File,
  mapping?: CsvMapping,
): Promise<ImportSummary> {
  switch (format) {
    case 'linkedin':
      return call(api.imports.linkedin.preview.$post({ form: { file } }));
    case 'vcard':
      return call(api.imports.vcard.preview.$post({ form: { file } }));
    case 'csv':
      return call(api.imports.csv.preview.$post({ form: { file, mapping: JSON.stringify(mapping ?? []) } }));
  }
}

function send(format: ImportFormat, file: File, mapping: CsvMapping | undefined) {
  const options = { headers: { accept: 'application/x-ndjson' } };
  switch (format) {
    case 'linkedin':
      return api.imports.linkedin.$post({ form: { file } }, options);
    case 'vcard':
      return api.imports.vcard.$post({ form: { file } }, options);
    case 'csv':
      return api.imports.csv.$post({ form: { file, mapping: JSON.stringify(mapping ?? []) } }, options);
  }
}

/** Imports the file, reporting progress while people are written; resolves with the summary. */
export function applyImport(
  format: ImportFormat,
  file: File,
  onProgress: (progress: ImportProgress) => void,
  mapping?: CsvMapping,
): Promise<ImportSummary> {
  return followProgress<ImportSummary>(send(format, file, mapping) as Promise<Response>, onProgress, {
    what: 'import',
    nothing: 'nothing was imported',
  });
}

/** The address of the vCard export: everyone, or the people a search of the People list finds. */
export function vcardExportUrl(q?: string): string {
  return q ? `/api/exports/vcard?q=${encodeURIComponent(q)}` : '/api/exports/vcard';
}
