import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { stream } from 'hono/streaming';
import { AppError } from '../../domain/errors.js';
import { MAX_IMPORT_BYTES } from '../../domain/import-limits.js';
import { type ParsedConnections, parseLinkedInConnections } from '../../domain/linkedin.js';
import { applyLinkedInImport, previewLinkedInImport } from '../../services/import-linkedin.js';
import { type AppEnv, router } from '../env.js';
import { errors, json } from './common.js';

const tags = ['Imports'];

const Field = z.enum([
  'title',
  'organization',
  'email',
  'phone',
  'linkedinUrl',
  'location',
  'notes',
  'connectedOn',
]);

const ImportSummary = z
  .object({
    applied: z.boolean().openapi({ description: 'False for a preview: nothing was written.' }),
    total: z.number().openapi({ description: 'Rows read from the file, skipped ones included.' }),
    counts: z.object({ new: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.number() }),
    organizationsCreated: z.number(),
    rows: z
      .array(
        z.object({
          line: z.number(),
          name: z.string(),
          organization: z.string().nullable(),
          position: z.string().nullable(),
          outcome: z.enum(['new', 'updated', 'unchanged', 'skipped']),
          changes: z.array(Field),
          kept: z.array(Field).openapi({ description: 'Fields kept because the user edited them.' }),
          reason: z.string().nullable(),
        }),
      )
      .openapi({ description: 'The first 50 rows of the file and what happens to each.' }),
    skipped: z.array(z.object({ line: z.number(), name: z.string().nullable(), reason: z.string() })),
  })
  .openapi('ImportSummary');

const Upload = {
  body: {
    required: true,
    content: {
      'multipart/form-data': {
        schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
      },
    },
  },
} as const;

const tooLarge = () => {
  throw new AppError('too_large', {
    userMessage:
      'The file is larger than 20 MB. LinkedIn’s Connections.csv is only a few MB: check that you chose Connections.csv and not the whole export.',
    issues: [{ field: 'file', message: 'larger than 20 MB' }],
  });
};
const limit = bodyLimit({ maxSize: MAX_IMPORT_BYTES + 64 * 1024, onError: tooLarge });

/** Reads the uploaded Connections.csv; a file that cannot be read is a 400 naming the line. */
async function readUpload(c: Context<AppEnv>): Promise<ParsedConnections> {
  const form = await c.req.parseBody().catch(() => {
    throw new AppError('validation', { userMessage: 'The upload must be a multipart form with a file.' });
  });
  const file = form.file;
  if (!(file instanceof File)) {
    throw new AppError('validation', {
      userMessage: 'file: choose the Connections.csv file from your LinkedIn export.',
      issues: [{ field: 'file', message: 'is required' }],
    });
  }
  if (file.size > MAX_IMPORT_BYTES) tooLarge();
  return parseLinkedInConnections(new Uint8Array(await file.arrayBuffer()));
}

export const importRoutes = router()
  .openapi(
    createRoute({
      method: 'post',
      path: '/linkedin/preview',
      tags,
      summary: 'What importing a LinkedIn Connections.csv would do (writes nothing)',
      middleware: [limit] as const,
      request: Upload,
      responses: { 200: json(ImportSummary, 'The preview'), ...errors(400) },
    }),
    async (c) => c.json(await previewLinkedInImport(c.var.ctx, await readUpload(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/linkedin',
      tags,
      summary: 'Import a LinkedIn Connections.csv: everything in one transaction, or nothing',
      description:
        'With `Accept: application/x-ndjson` the answer streams one JSON object a line: `{"type":"progress","done","total"}` while people are written, then `{"type":"result","summary"}` or `{"type":"error","error"}`.',
      middleware: [limit] as const,
      request: Upload,
      responses: { 200: json(ImportSummary, 'What was imported'), ...errors(400) },
    }),
    async (c) => {
      const parsed = await readUpload(c);
      if (!c.req.header('accept')?.includes('application/x-ndjson')) {
        return c.json(await applyLinkedInImport(c.var.ctx, parsed), 200);
      }
      c.header('content-type', 'application/x-ndjson; charset=utf-8');
      c.header('cache-control', 'no-store');
      const response = stream(c, async (out) => {
        const send = (value: unknown) => out.write(`${JSON.stringify(value)}\n`);
        try {
          const summary = await applyLinkedInImport(c.var.ctx, {
            ...parsed,
            onProgress: (p) => void send({ type: 'progress', ...p }),
          });
          await send({ type: 'result', summary });
        } catch (err) {
          if (!(err instanceof AppError)) console.error(err);
          const message =
            err instanceof AppError
              ? err.userMessage
              : 'Something went wrong on our side; nothing was imported. Please try again.';
          await send({
            type: 'error',
            error: { code: err instanceof AppError ? err.code : 'internal', message },
          });
        }
      });
      // The stream carries the same summary as the JSON answer, one line at a time.
      return response as unknown as ReturnType<typeof c.json<z.infer<typeof ImportSummary>, 200>>;
    },
  );
