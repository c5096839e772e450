/**
 * The imports' client (LinkedIn, vCard, CSV): typed previews, the CSV inspection, and an apply
 * that reads the server's progress lines as they arrive. Types come from the server's routes.
 */
import type { InferResponseType } from 'hono/client';
import { ApiError, api, call } from './api.js';

export type ImportSummary = InferResponseType<typeof api.imports.linkedin.preview.$post, 200>;
export type ImportRow = ImportSummary['rows'][number];
export type ImportField = ImportRow['changes'][number];
export type CsvInspection = InferResponseType<typeof api.imports.csv.inspect.$post, 200>;
export type CsvMapping = CsvInspection['mapping'];
export type CsvFieldChoice = CsvMapping[number];

/** The formats the import hub offers. */
export type ImportFormat = 'linkedin' | 'vcard' | 'csv';

export interface ImportProgress {
  done: number;
  total: number;
}

type StreamEvent =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'result'; summary: ImportSummary }
  | { type: 'error'; error: { code: string; message: string } };

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

function failed(status: number, code: string, message: string): ApiError {
  return new ApiError({ status, code, message, fieldErrors: {} });
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
export async function applyImport(
  format: ImportFormat,
  file: File,
  onProgress: (progress: ImportProgress) => void,
  mapping?: CsvMapping,
): Promise<ImportSummary> {
  const res = (await send(format, file, mapping).catch(() => {
    throw failed(
      0,
      'network',
      'Could not reach the Rapport server. Check that it is still running, then try again.',
    );
  })) as Response;
  if (!res.ok || !res.body) {
    const data = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw failed(
      res.status,
      data.error?.code ?? 'error',
      data.error?.message ?? `The server answered ${res.status}; nothing was imported. Please try again.`,
    );
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const event = JSON.parse(buffered.slice(0, newline)) as StreamEvent;
      buffered = buffered.slice(newline + 1);
      if (event.type === 'progress') onProgress(event);
      else if (event.type === 'error') throw failed(500, event.error.code, event.error.message);
      else return event.summary;
      newline = buffered.indexOf('\n');
    }
    if (done)
      throw failed(0, 'network', 'The connection closed before the import finished; nothing was imported.');
  }
}

/** The address of the vCard export: everyone, or the people a search of the People list finds. */
export function vcardExportUrl(q?: string): string {
  return q ? `/api/exports/vcard?q=${encodeURIComponent(q)}` : '/api/exports/vcard';
}
