/**
 * The backup client: a typed restore preview, and a restore that reads the server's progress
 * lines as they arrive. Types come from the server's routes.
 */
import type { InferResponseType } from 'hono/client';
import { ApiError, api, call } from './api.js';

export type RestoreSummary = InferResponseType<typeof api.backup.restore.preview.$post, 200>;

export interface RestoreProgress {
  done: number;
  total: number;
}

type StreamEvent =
  | ({ type: 'progress' } & RestoreProgress)
  | { type: 'result'; summary: RestoreSummary }
  | { type: 'error'; error: { code: string; message: string } };

/** Where the browser downloads a backup of the whole workspace. */
export const BACKUP_URL = '/api/backup';

/** Checks the archive and counts what it holds; writes nothing. */
export function previewRestore(file: File): Promise<RestoreSummary> {
  return call(api.backup.restore.preview.$post({ form: { file } }));
}

function failed(status: number, code: string, message: string): ApiError {
  return new ApiError({ status, code, message, fieldErrors: {} });
}

/** Restores the archive, reporting progress while rows are written; resolves with the summary. */
export async function applyRestore(
  file: File,
  onProgress: (progress: RestoreProgress) => void,
): Promise<RestoreSummary> {
  const res = await api.backup.restore
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
      data.error?.message ?? `The server answered ${res.status}; nothing was restored. Please try again.`,
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
      throw failed(0, 'network', 'The connection closed before the restore finished; nothing was restored.');
  }
}
