/**
 * Long writes (imports, restores) answer one JSON object a line: progress while the server works,
 * then the result or an error. This reads such an answer as it arrives.
 */
import { type Progress, readProgressStream } from '../../domain/progress-stream.js';
import { ApiError } from '../api.js';

export type { Progress };

function failed(status: number, code: string, message: string): ApiError {
  return new ApiError({ status, code, message, fieldErrors: {} });
}

/**
 * Sends the request and follows its progress lines; resolves with the result. `nothing` ends the
 * messages that say what did not happen, e.g. "nothing was imported".
 */
export async function followProgress<T>(
  request: Promise<Response>,
  onProgress: (progress: Progress) => void,
  words: { what: string; nothing: string },
): Promise<T> {
  const res = await request.catch(() => {
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
      data.error?.message ?? `The server answered ${res.status}; ${words.nothing}. Please try again.`,
    );
  }
  return readProgressStream<T>(res.body, {
    onProgress,
    onError: (error) => failed(500, error.code, error.message),
    onEnd: () =>
      failed(0, 'network', `The connection closed before the ${words.what} finished; ${words.nothing}.`),
  });
}
