import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { stream } from 'hono/streaming';
import { MAX_BACKUP_BYTES } from '../../domain/backup-format.js';
import { AppError } from '../../domain/errors.js';
import { createBackup } from '../../services/backup.js';
import { applyRestore, previewRestore } from '../../services/restore.js';
import { type AppEnv, router } from '../env.js';
import { errors, json } from './common.js';

const tags = ['Backup'];

const RestoreSummary = z
  .object({
    applied: z.boolean().openapi({ description: 'False for a preview: nothing was written.' }),
    backup: z.object({
      createdAt: z.string(),
      appVersion: z.string(),
      schema: z.string(),
      version: z.number(),
      workspaceName: z.string(),
    }),
    tables: z.array(z.object({ name: z.string(), rows: z.number() })),
    totalRows: z.number(),
    files: z.number().openapi({ description: 'Document files in the archive.' }),
    blocker: z
      .string()
      .nullable()
      .openapi({ description: 'Why this workspace cannot take the backup; null when it can.' }),
  })
  .openapi('RestoreSummary');

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
    userMessage: 'The file is larger than 200 MB, which is more than any Rapport backup we can restore.',
    issues: [{ field: 'file', message: 'larger than 200 MB' }],
  });
};
const limit = bodyLimit({ maxSize: MAX_BACKUP_BYTES + 64 * 1024, onError: tooLarge });

async function readUpload(c: Context<AppEnv>): Promise<Uint8Array> {
  const form = await c.req.parseBody().catch(() => {
    throw new AppError('validation', { userMessage: 'The upload must be a multipart form with a file.' });
  });
  const file = form.file;
  if (!(file instanceof File)) {
    throw new AppError('validation', {
      userMessage: 'file: choose a rapport-backup-….zip file.',
      issues: [{ field: 'file', message: 'is required' }],
    });
  }
  if (file.size > MAX_BACKUP_BYTES) tooLarge();
  return new Uint8Array(await file.arrayBuffer());
}

export const backupRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Download the whole workspace as one archive (records and documents)',
      responses: {
        200: { description: 'The backup', content: { 'application/zip': { schema: z.string() } } },
      },
    }),
    async (c) => {
      const backup = await createBackup(c.var.ctx);
      return c.body(backup.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${backup.fileName}"`,
        'cache-control': 'no-store',
        'x-rapport-counts': JSON.stringify(backup.manifest.counts),
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/restore/preview',
      tags,
      summary: 'Check a backup and count what restoring it would write (writes nothing)',
      middleware: [limit] as const,
      request: Upload,
      responses: { 200: json(RestoreSummary, 'The preview'), ...errors(400) },
    }),
    async (c) => c.json(await previewRestore({ ...c.var.ctx, bytes: await readUpload(c) }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/restore',
      tags,
      summary: 'Restore a backup into this empty workspace: everything in one transaction, or nothing',
      description:
        'With `Accept: application/x-ndjson` the answer streams one JSON object a line: `{"type":"progress","done","total"}` while rows are written, then `{"type":"result","summary"}` or `{"type":"error","error"}`.',
      middleware: [limit] as const,
      request: Upload,
      responses: { 200: json(RestoreSummary, 'What was restored'), ...errors(400, 409) },
    }),
    async (c) => {
      const bytes = await readUpload(c);
      if (!c.req.header('accept')?.includes('application/x-ndjson')) {
        return c.json(await applyRestore({ ...c.var.ctx, bytes }), 200);
      }
      c.header('content-type', 'application/x-ndjson; charset=utf-8');
      c.header('cache-control', 'no-store');
      const response = stream(c, async (out) => {
        const send = (value: unknown) => out.write(`${JSON.stringify(value)}\n`);
        try {
          const summary = await applyRestore({
            ...c.var.ctx,
            bytes,
            onProgress: (p) => void send({ type: 'progress', ...p }),
          });
          await send({ type: 'result', summary });
        } catch (err) {
          if (!(err instanceof AppError)) console.error(err);
          const message =
            err instanceof AppError
              ? err.userMessage
              : 'Something went wrong on our side; nothing was restored. Please try again.';
          await send({
            type: 'error',
            error: { code: err instanceof AppError ? err.code : 'internal', message },
          });
        }
      });
      // The stream carries the same summary as the JSON answer, one line at a time.
      return response as unknown as ReturnType<typeof c.json<z.infer<typeof RestoreSummary>, 200>>;
    },
  );
