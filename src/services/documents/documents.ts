import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { conversationDocuments, documents, people } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import { detectFileType, MAX_DOCUMENT_BYTES, safeFileName } from '../../domain/file-type.js';
import type { Ctx } from '../context.js';
import { getConversation } from '../conversations/conversations.js';
import { assertPersonInWorkspace } from '../people/people.js';

export const DOCUMENT_KINDS = ['resume', 'portfolio', 'cover_letter', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document without its bytes, for lists. */
const summary = {
  id: documents.id,
  kind: documents.kind,
  title: documents.title,
  versionLabel: documents.versionLabel,
  fileName: documents.fileName,
  mimeType: documents.mimeType,
  sizeBytes: documents.sizeBytes,
  createdAt: documents.createdAt,
};

/** Stores an uploaded document after checking its size and, by its content, its type. */
export async function uploadDocument(
  ctx: Ctx & {
    kind: DocumentKind;
    title: string;
    versionLabel?: string | null;
    fileName: string;
    bytes: Uint8Array;
  },
) {
  if (ctx.bytes.byteLength > MAX_DOCUMENT_BYTES) {
    throw new AppError('too_large', {
      userMessage: `The file is ${(ctx.bytes.byteLength / 1048576).toFixed(1)} MB; documents can be at most 10 MB.`,
      issues: [{ field: 'file', message: 'larger than 10 MB' }],
    });
  }
  if (!ctx.bytes.byteLength) {
    throw new AppError('validation', {
      userMessage: 'file: the file is empty.',
      issues: [{ field: 'file', message: 'is empty' }],
    });
  }
  const type = detectFileType(ctx.bytes, ctx.fileName);
  if (!type) {
    throw new AppError('validation', {
      userMessage:
        'file: this is not a PDF, Word, OpenDocument, PowerPoint, PNG, JPEG or plain-text file (checked by its content, not its name).',
      issues: [{ field: 'file', message: 'unsupported file type' }],
    });
  }
  const [row] = await ctx.db
    .insert(documents)
    .values({
      workspaceId: ctx.workspaceId,
      kind: ctx.kind,
      title: ctx.title,
      versionLabel: ctx.versionLabel ?? null,
      fileName: safeFileName(ctx.fileName),
      mimeType: type.mimeType,
      sizeBytes: ctx.bytes.byteLength,
      sha256: createHash('sha256').update(ctx.bytes).digest('hex'),
      content: ctx.bytes,
      createdAt: ctx.now(),
    })
    .returning(summary);
  return row!;
}

export async function listDocuments(ctx: Ctx) {
  return ctx.db
    .select(summary)
    .from(documents)
    .where(eq(documents.workspaceId, ctx.workspaceId))
    .orderBy(desc(documents.createdAt));
}

/** The stored bytes and how to send them. */
export async function readDocument(ctx: Ctx & { id: string }) {
  const [row] = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, ctx.id), eq(documents.workspaceId, ctx.workspaceId)));
  if (!row) throw notFound('document', ctx.id);
  return { fileName: row.fileName, mimeType: row.mimeType, content: row.content };
}

export async function deleteDocument(ctx: Ctx & { id: string }) {
  const rows = await ctx.db
    .delete(documents)
    .where(and(eq(documents.id, ctx.id), eq(documents.workspaceId, ctx.workspaceId)))
    .returning({ id: documents.id });
  if (!rows.length) throw notFound('document', ctx.id);
}

/** What to bring to a conversation, and which version was handed or sent to whom. */
export async function conversationDocumentList(ctx: Ctx & { conversationId: string }) {
  await getConversation({ ...ctx, id: ctx.conversationId });
  return ctx.db
    .select({
      id: conversationDocuments.id,
      documentId: conversationDocuments.documentId,
      title: documents.title,
      kind: documents.kind,
      versionLabel: documents.versionLabel,
      fileName: documents.fileName,
      sharedWithId: conversationDocuments.sharedWithId,
      sharedWithName: people.fullName,
      sharedAt: conversationDocuments.sharedAt,
    })
    .from(conversationDocuments)
    .innerJoin(documents, eq(documents.id, conversationDocuments.documentId))
    .leftJoin(people, eq(people.id, conversationDocuments.sharedWithId))
    .where(eq(conversationDocuments.conversationId, ctx.conversationId));
}

/**
 * Adds a document to bring; with a person, records that this version was shared with them.
 * Bringing a document already on the list, or sharing it again with the same person, changes
 * nothing; sharing a document that nobody has had yet fills in its row rather than adding one.
 */
export async function attachDocument(
  ctx: Ctx & { conversationId: string; documentId: string; sharedWithId?: string | null },
) {
  const conv = await getConversation({ ...ctx, id: ctx.conversationId });
  const [doc] = await ctx.db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.id, ctx.documentId), eq(documents.workspaceId, ctx.workspaceId)));
  if (!doc) throw notFound('document', ctx.documentId);
  if (ctx.sharedWithId) await assertPersonInWorkspace(ctx, ctx.sharedWithId, 'sharedWithId');
  const existing = await ctx.db
    .select({ id: conversationDocuments.id, sharedWithId: conversationDocuments.sharedWithId })
    .from(conversationDocuments)
    .where(
      and(eq(conversationDocuments.conversationId, conv.id), eq(conversationDocuments.documentId, doc.id)),
    );
  const sharedWithId = ctx.sharedWithId ?? null;
  const unshared = existing.find((r) => r.sharedWithId === null);
  if (sharedWithId === null ? existing.length > 0 : existing.some((r) => r.sharedWithId === sharedWithId)) {
    return conversationDocumentList(ctx);
  }
  if (sharedWithId && unshared) {
    await ctx.db
      .update(conversationDocuments)
      .set({ sharedWithId, sharedAt: ctx.now() })
      .where(eq(conversationDocuments.id, unshared.id));
    return conversationDocumentList(ctx);
  }
  await ctx.db.insert(conversationDocuments).values({
    workspaceId: ctx.workspaceId,
    conversationId: conv.id,
    documentId: doc.id,
    sharedWithId,
    sharedAt: sharedWithId ? ctx.now() : null,
  });
  return conversationDocumentList(ctx);
}

export async function detachDocument(ctx: Ctx & { id: string }) {
  const rows = await ctx.db
    .delete(conversationDocuments)
    .where(and(eq(conversationDocuments.id, ctx.id), eq(conversationDocuments.workspaceId, ctx.workspaceId)))
    .returning({ id: conversationDocuments.id });
  if (!rows.length) throw notFound('attached document', ctx.id);
}
