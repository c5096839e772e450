import { createRoute, z } from '@hono/zod-openapi';
import {
  MAIL_PRESETS,
  MAIL_PROVIDERS,
  MAIL_SECURITIES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
} from '../../../domain/mail.js';
import { MESSAGE_PURPOSES } from '../../../domain/vocab.js';
import { connectMail, disconnectMail, mailStatus } from '../../../services/mail/account.js';
import { sendMail } from '../../../services/mail/send.js';
import { syncMail } from '../../../services/mail/sync.js';
import { router } from '../../env.js';
import { body, errors, json } from '../common.js';
import { answerWithProgress, streamNote } from '../upload.js';

const tags = ['Mail'];

const Security = z.enum(MAIL_SECURITIES);
const Servers = z.object({
  imapHost: z.string().trim().min(1).max(253),
  imapPort: z.number().int().min(1).max(65535),
  imapSecurity: Security,
  smtpHost: z.string().trim().min(1).max(253),
  smtpPort: z.number().int().min(1).max(65535),
  smtpSecurity: Security,
});

const ConnectInput = z
  .object({
    address: z.email().max(320),
    provider: z.enum(MAIL_PROVIDERS),
    servers: Servers.partial().optional(),
    username: z.string().trim().max(320).optional(),
    authMethod: z.enum(['password', 'xoauth2']).optional(),
    secret: z
      .string()
      .min(1)
      .max(4096)
      .openapi({ description: 'App password, or the OAuth access token for XOAUTH2; never returned' }),
    inboxPath: z.string().trim().min(1).max(500).nullish(),
    sentPath: z.string().trim().min(1).max(500).nullish(),
    excluded: z.array(z.string().trim().min(1).max(320)).max(1000).optional(),
    firstSyncDays: z.number().int().min(1).max(3650).optional(),
  })
  .openapi('MailConnect');

const Status = z
  .object({
    connected: z.boolean(),
    address: z.string().nullable(),
    provider: z.string().nullable(),
    servers: Servers.nullable(),
    username: z.string().nullable(),
    authMethod: z.string().nullable(),
    inboxPath: z.string().nullable(),
    sentPath: z.string().nullable(),
    excluded: z.array(z.string()),
    firstSyncDays: z.number().nullable(),
    lastSyncAt: z.string().nullable(),
    lastSyncError: z.string().nullable(),
    counts: z.object({ received: z.number(), sent: z.number() }),
  })
  .openapi('MailStatus');

const SyncReport = z
  .object({
    stored: z.number(),
    folders: z.array(
      z.object({
        role: z.enum(['inbox', 'sent']),
        path: z.string(),
        scanned: z.number(),
        stored: z.number(),
      }),
    ),
    problems: z.array(z.string()),
  })
  .openapi('MailSyncReport');

const SendInput = z
  .object({
    personId: z.uuid(),
    conversationId: z.uuid().nullish(),
    purpose: z.enum(MESSAGE_PURPOSES),
    subject: z.string().trim().min(1).max(998),
    body: z.string().trim().min(1).max(100_000),
    documentIds: z
      .array(z.uuid())
      .max(MAX_ATTACHMENTS)
      .optional()
      .openapi({
        description: `Documents from the library to attach: at most ${MAX_ATTACHMENTS}, ${MAX_ATTACHMENT_BYTES / 1048576} MB together`,
      }),
  })
  .openapi('MailSend');

const Sent = z
  .object({
    messageId: z.string(),
    logId: z.string(),
    statusChangedTo: z.string().nullable(),
    savedToSent: z.boolean(),
  })
  .openapi('MailSent');

function present(s: Awaited<ReturnType<typeof mailStatus>>): z.infer<typeof Status> {
  return { ...s, lastSyncAt: s.lastSyncAt?.toISOString() ?? null };
}

export const mailRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'The connected mailbox, without its password',
      responses: { 200: json(Status, 'Mailbox') },
    }),
    async (c) => c.json(present(await mailStatus(c.var.ctx)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/presets',
      tags,
      summary: 'Servers of the common providers',
      responses: { 200: json(z.record(z.string(), Servers.extend({ label: z.string() })), 'Presets') },
    }),
    (c) => c.json(MAIL_PRESETS, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/',
      tags,
      summary: 'Test a mailbox and connect it; a failure names the step (DNS, connect, TLS, login, folder)',
      request: body(ConnectInput),
      responses: { 200: json(Status, 'Connected'), ...errors(400) },
    }),
    async (c) => c.json(present(await connectMail({ ...c.var.ctx, input: c.req.valid('json') })), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/',
      tags,
      summary: 'Disconnect: forget the password, and every synced message when asked',
      request: { query: z.object({ forgetMessages: z.enum(['true', 'false']).optional() }) },
      responses: { 200: json(z.object({ removedMessages: z.number() }), 'Disconnected') },
    }),
    async (c) =>
      c.json(
        await disconnectMail({
          ...c.var.ctx,
          forgetMessages: c.req.valid('query').forgetMessages === 'true',
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sync',
      tags,
      summary: 'Read new mail in Inbox and Sent now',
      description: streamNote('the messages found'),
      responses: { 200: json(SyncReport, 'What the sync read and logged'), ...errors(400, 409) },
    }),
    (c) =>
      answerWithProgress(
        c,
        (onProgress) =>
          syncMail({ ...c.var.ctx, ...(onProgress ? { onProgress: (p) => onProgress(p) } : {}) }),
        'what was read before the failure is kept',
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/send',
      tags,
      summary: 'Send a message through the connected mailbox, on its thread, and log it',
      description:
        'Attached documents go out with their file name and type; an unknown document is refused with 404 and too many or too big with 413, before anything is sent.',
      request: body(SendInput),
      responses: { 200: json(Sent, 'Sent and logged'), ...errors(400, 404, 409, 413) },
    }),
    async (c) => {
      const r = await sendMail({ ...c.var.ctx, input: c.req.valid('json') });
      return c.json(
        {
          messageId: r.message.messageId!,
          logId: r.message.id,
          statusChangedTo: r.statusChangedTo,
          savedToSent: r.savedToSent,
        },
        200,
      );
    },
  );
