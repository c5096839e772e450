import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { MAX_BACKUP_BYTES } from '../../../domain/backup-format.js';
import { AppError } from '../../../domain/errors.js';
import { createBackup } from '../../../services/backup/backup.js';
import { applyRestore, previewRestore } from '../../../services/backup/restore.js';
import { type AppEnv, router } from '../../env.js';
import { errors, json } from '../common.js';
import { answerWithProgress, FileUpload, readUpload, streamNote, uploadLimit } from '../upload.js';

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

const tooLarge = () =>
  new AppError('too_large', {
    userMessage: 'The file is larger than 200 MB, which is more than any Rapport backup we can restore.',
    issues: [{ field: 'file', message: 'larger than 200 MB' }],
  });
const limit = uploadLimit(MAX_BACKUP_BYTES, tooLarge);

const readBackup = async (c: Context<AppEnv>) =>
  (
    await readUpload(c, {
      choose: 'choose a rapport-backup-….zip file.',
      maxBytes: MAX_BACKUP_BYTES,
      tooLarge,
    })
  ).bytes;

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
      request: FileUpload,
      responses: { 200: json(RestoreSummary, 'The preview'), ...errors(400) },
    }),
    async (c) => c.json(await previewRestore({ ...c.var.ctx, bytes: await readBackup(c) }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/restore',
      tags,
      summary: 'Restore a backup into this empty workspace: everything in one transaction, or nothing',
      description: streamNote('rows'),
      middleware: [limit] as const,
      request: FileUpload,
      responses: { 200: json(RestoreSummary, 'What was restored'), ...errors(400, 409) },
    }),
    async (c) => {
      const bytes = await readBackup(c);
      return answerWithProgress(
        c,
        (onProgress) =>
          applyRestore(onProgress ? { ...c.var.ctx, bytes, onProgress } : { ...c.var.ctx, bytes }),
        'nothing was restored',
      );
    },
  );
