import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { documents, messages, people } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import { attachmentProblem, type MessageAttachment } from '../../domain/mail.js';
import type { ConversationStatus, MessagePurpose } from '../../domain/vocab.js';
import type { Ctx } from '../context.js';
import { attachDocument } from '../documents/documents.js';
import { logMessage, type Message } from '../outreach/messages.js';
import { loadMailLogin } from './account.js';
import { classify, connectImap, findFolders, smtpTransport } from './connection.js';

/** Providers whose SMTP server files sent mail in Sent itself; others get a copy from Rapport. */
const SAVES_SENT = new Set(['gmail', 'outlook']);

export interface SendMailInput {
  personId: string;
  conversationId?: string | null;
  purpose: MessagePurpose;
  subject: string;
  body: string;
  /** Documents from the library to attach (a resume for a critique), in this order. */
  documentIds?: string[];
}

/**
 * The library's documents to attach, with their bytes, checked before anything is sent: each must
 * be in this workspace, and all together small enough for mail servers to take.
 */
async function documentsToAttach(ctx: Ctx, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = await ctx.db
    .select({
      id: documents.id,
      fileName: documents.fileName,
      mimeType: documents.mimeType,
      sizeBytes: documents.sizeBytes,
    })
    .from(documents)
    .where(and(eq(documents.workspaceId, ctx.workspaceId), inArray(documents.id, unique)));
  const missing = unique.find((id) => !rows.some((r) => r.id === id));
  if (missing) throw notFound('document', missing);
  const problem = attachmentProblem(rows);
  if (problem) {
    throw new AppError('too_large', {
      userMessage: problem,
      issues: [{ field: 'documentIds', message: problem }],
    });
  }
  const out: (MessageAttachment & { content: Uint8Array })[] = [];
  for (const id of unique) {
    const [row] = await ctx.db
      .select({ content: documents.content })
      .from(documents)
      .where(and(eq(documents.id, id), eq(documents.workspaceId, ctx.workspaceId)));
    const meta = rows.find((r) => r.id === id)!;
    out.push({
      documentId: id,
      fileName: meta.fileName,
      mimeType: meta.mimeType,
      sizeBytes: meta.sizeBytes,
      content: row!.content,
    });
  }
  return out;
}

/**
 * Sends a message through the connected mailbox's SMTP server, on the conversation's thread
 * (In-Reply-To and References name its earlier mail), logs it at once and files a copy in Sent.
 * Only an explicit action calls this: the Send button, or `--yes` on the command line.
 */
export async function sendMail(
  ctx: Ctx & { input: SendMailInput },
): Promise<{ message: Message; statusChangedTo: ConversationStatus | null; savedToSent: boolean }> {
  const { input } = ctx;
  const files = await documentsToAttach(ctx, input.documentIds ?? []);
  const { account, login } = await loadMailLogin(ctx);
  const [person] = await ctx.db
    .select({ fullName: people.fullName, email: people.email })
    .from(people)
    .where(and(eq(people.id, input.personId), eq(people.workspaceId, ctx.workspaceId)));
  if (!person) throw new AppError('not_found', { userMessage: `No person with id ${input.personId}.` });
  if (!person.email) {
    throw new AppError('validation', {
      userMessage: `${person.fullName} has no e-mail address; add one to send from Rapport.`,
      issues: [{ field: 'personId', message: 'has no e-mail address' }],
    });
  }
  const thread = input.conversationId
    ? await ctx.db
        .select({ messageId: messages.messageId })
        .from(messages)
        .where(
          and(
            eq(messages.workspaceId, ctx.workspaceId),
            eq(messages.conversationId, input.conversationId),
            isNotNull(messages.messageId),
          ),
        )
        .orderBy(asc(messages.at))
    : [];
  const ids = [...new Set(thread.map((m) => `<${m.messageId}>`))].slice(-10);
  const domain = login.address.split('@')[1] ?? 'rapport.invalid';
  const messageId = `${randomUUID()}@${domain}`;
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const composer = new MailComposer({
    from: login.address,
    to: { name: person.fullName, address: person.email },
    subject: input.subject,
    text: input.body,
    date: ctx.now(),
    messageId: `<${messageId}>`,
    ...(ids.length ? { inReplyTo: ids[ids.length - 1], references: ids } : {}),
    ...(files.length
      ? {
          attachments: files.map((f) => ({
            filename: f.fileName,
            content: Buffer.from(f.content),
            contentType: f.mimeType,
          })),
        }
      : {}),
  });
  const raw = await composer.compile().build();
  const transport = await smtpTransport(login);
  try {
    await transport.sendMail({ envelope: { from: login.address, to: [person.email] }, raw });
  } catch (err) {
    throw classify('smtp', login.smtpHost, login.smtpPort, login.smtpSecurity, err);
  } finally {
    transport.close();
  }
  const logged = await logMessage({
    ...ctx,
    input: {
      personId: input.personId,
      conversationId: input.conversationId ?? null,
      channel: 'email',
      direction: 'out',
      purpose: input.purpose,
      subject: input.subject,
      body: input.body,
      messageId,
      attachments: files.map(({ content: _content, ...f }) => f),
    },
  });
  // The conversation's documents remember which version went to whom.
  if (input.conversationId) {
    for (const f of files) {
      await attachDocument({
        ...ctx,
        conversationId: input.conversationId,
        documentId: f.documentId!,
        sharedWithId: input.personId,
      });
    }
  }
  let savedToSent = SAVES_SENT.has(account.provider);
  if (!savedToSent) {
    // The mail is out and logged; a copy that fails to reach Sent is reported, not retried.
    const client = await connectImap(login).catch(() => null);
    if (client) {
      try {
        const { sentPath } = await findFolders(client, account);
        await client.append(sentPath, raw, ['\\Seen'], ctx.now());
        savedToSent = true;
      } catch {
        savedToSent = false;
      } finally {
        await client.logout().catch(() => client.close());
      }
    }
  }
  return { ...logged, savedToSent };
}

/**
 * Sends a message from the connected mailbox to its own address (the daily digest): nothing is
 * logged, as it is no conversation with anyone. Returns the address it went to.
 */
export async function sendToSelf(
  ctx: Ctx,
  mail: { subject: string; text: string; html: string },
): Promise<{ to: string; messageId: string }> {
  const { login } = await loadMailLogin(ctx);
  const domain = login.address.split('@')[1] ?? 'rapport.invalid';
  const messageId = `${randomUUID()}@${domain}`;
  const transport = await smtpTransport(login);
  try {
    await transport.sendMail({
      from: { name: 'Rapport', address: login.address },
      to: login.address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      date: ctx.now(),
      messageId: `<${messageId}>`,
    });
  } catch (err) {
    throw classify('smtp', login.smtpHost, login.smtpPort, login.smtpSecurity, err);
  } finally {
    transport.close();
  }
  return { to: login.address, messageId };
}
