/**
 * The LinkedIn import's client: a typed preview, and an apply that reads the server's progress
 * lines as they arrive. Types come from the server's routes.
 */
import type { InferResponseType } from 'hono/client';
import { ApiError, api, call } from './api.js';

export type ImportSummary = InferResponseType<typeof api.imports.linkedin.preview.$post, 200>;
export type ImportRow = ImportSummary['rows'][number];
export type ImportField = ImportRow['changes'][number];

export interface ImportProgress {
  done: number;
  total: number;
}

type StreamEvent =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'result'; summary: ImportSummary }
  | { type: 'error'; error: { code: string; message: string } };

/** What importing the file would do; writes nothing. */
export function previewLinkedInImport(file: File): Promise<ImportSummary> {
  return call(api.imports.linkedin.preview.$post({ form: { file } }));
}

function failed(status: number, code: string, message: string): ApiError {
  return new ApiError({ status, code, message, fieldErrors: {} });
}

/** Imports the file, reporting progress while people are written; resolves with the summary. */
export async function applyLinkedInImport(
  file: File,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  const res = await api.imports.linkedin
    .$post({ form: { file } }, { headers: { accept: 'application/x-ndjson' } })
    .catch(() => {
      throw failed(
        0,
        'network',
        'Could not reach the Rapport server. Check that it is still running, then try again.',
      );
    });
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
