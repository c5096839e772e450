import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../domain/errors.js';
import { MAX_DOCUMENT_BYTES } from '../../../domain/file-type.js';
import {
  attachDocument,
  conversationDocumentList,
  DOCUMENT_KINDS,
  deleteDocument,
  detachDocument,
  listDocuments,
  readDocument,
  uploadDocument,
} from '../../../services/documents/documents.js';
import { router } from '../../env.js';
import { zodIssues } from '../../errors.js';
import { Id, IdParam } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';
import { uploadLimit } from '../upload.js';

const tags = ['Documents'];

const Document = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    versionLabel: z.string().nullable(),
    fileName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number(),
    createdAt: z.string(),
  })
  .openapi('Document');

const UploadFields = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string().trim().min(1, 'is required').max(200),
  versionLabel: z.string().trim().max(100).optional(),
});

const Attached = z.array(
  z.object({
    id: z.string(),
    documentId: z.string(),
    title: z.string(),
    kind: z.string(),
    versionLabel: z.string().nullable(),
    fileName: z.string(),
    sharedWithId: z.string().nullable(),
    sharedWithName: z.string().nullable(),
    sharedAt: z.string().nullable(),
  }),
);

const tooLarge = () =>
  new AppError('too_large', {
    userMessage: 'The file is larger than 10 MB; documents can be at most 10 MB.',
    issues: [{ field: 'file', message: 'larger than 10 MB' }],
  });

export const documentRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Your documents (resume versions, portfolio, letters)',
      responses: { 200: json(z.array(Document), 'Documents') },
    }),
    async (c) => c.json(serialize(await listDocuments(c.var.ctx)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Upload a document (at most 10 MB; type checked by content)',
      middleware: [uploadLimit(MAX_DOCUMENT_BYTES, tooLarge)] as const,
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: UploadFields.extend({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
        },
      },
      responses: { 201: json(Document, 'Stored'), ...errors(400) },
    }),
    async (c) => {
      const form = await c.req.parseBody().catch(() => {
        throw new AppError('validation', { userMessage: 'The upload must be a multipart form with a file.' });
      });
      const fields = UploadFields.safeParse(form);
      if (!fields.success) {
        const issues = zodIssues(fields.error, form);
        throw new AppError('validation', {
          userMessage: issues.map((i) => i.message).join(' '),
          issues,
        });
      }
      const file = form.file;
      if (!(file instanceof File)) {
        throw new AppError('validation', {
          userMessage: 'Choose a file to upload.',
          issues: [{ field: 'file', message: 'Choose a file to upload.' }],
        });
      }
      const doc = await uploadDocument({
        ...c.var.ctx,
        ...fields.data,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json(serialize(doc), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/file',
      tags,
      summary: 'Download a document (always as an attachment, never shown as a page)',
      request: { params: IdParam },
      responses: {
        200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string() } } },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const doc = await readDocument({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(new Uint8Array(doc.content), 200, {
        'content-type': doc.mimeType,
        'content-disposition': `attachment; filename="${doc.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      });
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete a document',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deleteDocument({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{id}',
      tags,
      summary: 'What to bring to a conversation, and which version was shared with whom',
      request: { params: IdParam },
      responses: { 200: json(Attached, 'Documents'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        serialize(await conversationDocumentList({ ...c.var.ctx, conversationId: c.req.valid('param').id })),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}',
      tags,
      summary: 'Add a document to bring, or record that it was shared with a participant',
      request: { params: IdParam, ...body(z.object({ documentId: Id, sharedWithId: Id.nullish() })) },
      responses: { 200: json(Attached, 'Documents'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        serialize(
          await attachDocument({
            ...c.var.ctx,
            conversationId: c.req.valid('param').id,
            ...c.req.valid('json'),
          }),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/attached/{id}',
      tags,
      summary: 'Remove a document from a conversation',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errors(400, 404) },
    }),
    async (c) => {
      await detachDocument({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
