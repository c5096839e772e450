/**
 * The backup client: a typed restore preview, and a restore that reads the server's progress
 * lines as they arrive. Types come from the server's routes.
 */
import type { InferResponseType } from 'hono/client';
import { api, call } from '../api.js';
import { followProgress, type Progress } from '../ui/progress-stream.js';

export type RestoreSummary = InferResponseType<typeof api.backup.restore.preview.$post, 200>;

export type RestoreProgress = Progress;

/** Where the browser downloads a backup of the whole workspace. */
export const BACKUP_URL = '/api/backup';

/** Checks the archive and counts what it holds; writes nothing. */
export function previewRestore(file: File): Promise<RestoreSummary> {
  return call(api.backup.restore.preview.$post({ form: { file } }));
}

/** Restores the archive, reporting progress while rows are written; resolves with the summary. */
export function applyRestore(
  file: File,
  onProgress: (progress: RestoreProgress) => void,
): Promise<RestoreSummary> {
  return followProgress<RestoreSummary>(
    api.backup.restore.$post({ form: { file } }, { headers: { accept: 'application/x-ndjson' } }),
    onProgress,
    { what: 'restore', nothing: 'nothing was restored' },
  );
}
