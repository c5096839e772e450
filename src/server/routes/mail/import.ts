import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../../domain/errors.js';
import { importMailFile, previewMailImport } from '../../../services/mail/import.js';
import { MAX_MAIL_FILE_BYTES } from '../../../services/mail/mail-file.js';
import { type AppEnv, router } from '../../env.js';
import { errors, json } from '../common.js';
import { answerWithProgress, FileUpload, readUpload, streamNote, uploadLimit } from '../upload.js';

const tags = ['Mail'];

const MailImportSummary = z
  .object({
    applied: z.boolean().openapi({ description: 'False for a preview: nothing was written.' }),
    total: z.number().openapi({ description: 'Messages in the file.' }),
    matched: z.number().openapi({ description: 'Messages to or from people in the workspace.' }),
    alreadyLogged: z.number().openapi({ description: 'Of those, logged before: skipped.' }),
    stored: z.number().openapi({ description: 'Log entries written (one per person a message involves).' }),
    unreadable: z.number(),
    people: z.array(z.object({ id: z.string(), fullName: z.string(), messages: z.number() })),
    rows: z
      .array(
        z.object({
          at: z.string(),
          direction: z.enum(['in', 'out']),
          people: z.array(z.string()),
          subject: z.string().nullable(),
          alreadyLogged: z.boolean(),
        }),
      )
      .openapi({ description: 'The first 50 matching messages, oldest first.' }),
  })
  .openapi('MailImportSummary');

const tooLarge = () =>
  new AppError('too_large', {
    userMessage: `The file is larger than ${MAX_MAIL_FILE_BYTES / 1024 / 1024} MB. Export one label (or a year) at a time and import the files one after the other.`,
    issues: [{ field: 'file', message: 'is too large' }],
  });

async function readMailUpload(c: Context<AppEnv>) {
  const { bytes, fileName } = await readUpload(c, {
    choose: 'choose an .mbox file (from Gmail Takeout) or an .eml file.',
    maxBytes: MAX_MAIL_FILE_BYTES,
    tooLarge,
  });
  return { bytes, fileName };
}

/** /api/mail/import: mail files exported from a mailbox, matched and deduplicated like the sync. */
export const mailImportRoutes = router()
  .openapi(
    createRoute({
      method: 'post',
      path: '/preview',
      tags,
      summary: 'What importing an .mbox or .eml file would log (writes nothing)',
      middleware: [uploadLimit(MAX_MAIL_FILE_BYTES, tooLarge)] as const,
      request: FileUpload,
      responses: { 200: json(MailImportSummary, 'The preview'), ...errors(400) },
    }),
    async (c) => c.json(await previewMailImport({ ...c.var.ctx, ...(await readMailUpload(c)) }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Import an .mbox or .eml file: every message with your people in one transaction, or none',
      description: streamNote('the messages'),
      middleware: [uploadLimit(MAX_MAIL_FILE_BYTES, tooLarge)] as const,
      request: FileUpload,
      responses: { 200: json(MailImportSummary, 'What was logged'), ...errors(400) },
    }),
    async (c) => {
      const file = await readMailUpload(c);
      return answerWithProgress(
        c,
        (onProgress) => importMailFile({ ...c.var.ctx, ...file, ...(onProgress ? { onProgress } : {}) }),
        'nothing was imported',
      );
    },
  );
