/**
 * What the routes that take a file (imports, restore) share: the multipart body in the OpenAPI
 * document, a size limit that answers in words, reading the file, and answering with progress.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { stream } from 'hono/streaming';
import { AppError } from '../../domain/errors.js';
import type { ProgressEvent } from '../../domain/progress-stream.js';
import { nextTurn } from '../../domain/steps.js';
import type { AppEnv } from '../env.js';
import { describeForLog } from '../errors.js';
import { readMultipart } from './multipart.js';

/**
 * A multipart form with one `file`. Described for the OpenAPI document as a plain schema, so no
 * validator parses the whole form in one go before the route: `readUpload` reads it a piece at
 * a time.
 */
export const FileUpload = {
  body: {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: { file: { type: 'string', format: 'binary' } },
          required: ['file'] as string[],
        },
      },
    },
  },
} as const;

/**
 * Refuses a body that is not a multipart form, and one over `maxBytes` (plus room for the form
 * around the file) with `tooLarge`, before it is read into memory. A JSON body sent here was read
 * already, by the check for NUL characters (security.ts), so the form reader would find it used.
 */
export function uploadLimit(maxBytes: number, tooLarge: () => AppError): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes + 64 * 1024,
    onError: () => {
      throw tooLarge();
    },
  });
  return (c, next) => {
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) throw notAForm();
    return limit(c, next);
  };
}

/**
 * The uploaded file's bytes and name, and the form's other fields. A missing file is a 400 that says what
 * to choose (`choose`); a file over `maxBytes` is refused with `tooLarge`. The body is read and
 * split a piece at a time (see multipart.ts), so other requests are answered meanwhile.
 */
export async function readUpload(
  c: Context<AppEnv>,
  opts: { choose: string; maxBytes: number; tooLarge: () => AppError },
): Promise<{ bytes: Uint8Array; fileName: string; form: Record<string, unknown> }> {
  const parts = await readMultipart(c.req.raw, nextTurn).catch((err: unknown) => {
    if (err instanceof AppError) throw err;
    throw notAForm();
  });
  if (!parts) throw notAForm();
  const form: Record<string, unknown> = {};
  let file: { bytes: Uint8Array; fileName: string } | undefined;
  for (const part of parts) {
    if (part.fileName !== null) {
      if (part.name === 'file') file ??= { bytes: part.bytes, fileName: part.fileName };
    } else {
      form[part.name] ??= new TextDecoder().decode(part.bytes);
    }
  }
  if (!file) {
    throw new AppError('validation', {
      userMessage: `file: ${opts.choose}`,
      issues: [{ field: 'file', message: 'is required' }],
    });
  }
  if (file.bytes.byteLength > opts.maxBytes) throw opts.tooLarge();
  return { ...file, form };
}

const notAForm = () =>
  new AppError('validation', { userMessage: 'The upload must be a multipart form with a file.' });

/** The OpenAPI description of an answer that can stream its progress; `what` is what gets written. */
export const streamNote = (what: string) =>
  `With \`Accept: application/x-ndjson\` the answer streams one JSON object a line: \`{"type":"progress","done","total"}\` while ${what} are written, then \`{"type":"result","summary"}\` or \`{"type":"error","error"}\`.`;

/**
 * Answers a long write with its summary: as JSON, or with `Accept: application/x-ndjson` as a
 * stream of progress lines and then the result (or the error), so the client can show progress.
 * `undone` ends the message of an unexpected failure: "nothing was imported".
 */
export function answerWithProgress<S extends object>(
  c: Context<AppEnv>,
  run: (onProgress?: (p: { done: number; total: number }) => void) => Promise<S>,
  undone: string,
) {
  type Answer = ReturnType<typeof c.json<S, 200>>;
  if (!c.req.header('accept')?.includes('application/x-ndjson')) {
    return run().then((summary) => c.json(summary, 200) as Answer);
  }
  c.header('content-type', 'application/x-ndjson; charset=utf-8');
  c.header('cache-control', 'no-store');
  const response = stream(c, async (out) => {
    const send = (event: ProgressEvent<S>) => out.write(`${JSON.stringify(event)}\n`);
    try {
      const summary = await run((p) => void send({ type: 'progress', ...p }));
      await send({ type: 'result', summary });
    } catch (err) {
      if (!(err instanceof AppError)) console.error(describeForLog(err));
      const message =
        err instanceof AppError
          ? err.userMessage
          : `Something went wrong on our side; ${undone}. Please try again.`;
      await send({
        type: 'error',
        error: { code: err instanceof AppError ? err.code : 'internal', message },
      });
    }
  });
  // The stream carries the same summary as the JSON answer, one line at a time.
  return Promise.resolve(response as unknown as Answer);
}
