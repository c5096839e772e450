/**
 * The answer of a long write (an import, a restore) with `Accept: application/x-ndjson`: one JSON
 * object a line, progress while the server works, then the result or an error. The server writes
 * these events; the web app and the CLI read them with `readProgressStream`.
 */
export interface Progress {
  done: number;
  total: number;
}

export type ProgressEvent<T> =
  | ({ type: 'progress' } & Progress)
  | { type: 'result'; summary: T }
  | { type: 'error'; error: { code: string; message: string } };

/**
 * Reads a streamed answer as it arrives: `onProgress` hears each progress line, and the result is
 * returned. An error line throws what `onError` makes of it; a stream that ends before a result
 * throws what `onEnd` makes.
 */
export async function readProgressStream<T>(
  body: NonNullable<Response['body']>,
  handlers: {
    onProgress: (progress: Progress) => void;
    onError: (error: { code: string; message: string }) => Error;
    onEnd: () => Error;
  },
): Promise<T> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const event = JSON.parse(buffered.slice(0, newline)) as ProgressEvent<T>;
      buffered = buffered.slice(newline + 1);
      if (event.type === 'progress') handlers.onProgress(event);
      else if (event.type === 'error') throw handlers.onError(event.error);
      else return event.summary;
      newline = buffered.indexOf('\n');
    }
    if (done) throw handlers.onEnd();
  }
}
