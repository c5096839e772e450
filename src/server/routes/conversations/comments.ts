import { createRoute, z } from '@hono/zod-openapi';
import { addComment, deleteComment, listComments } from '../../../services/conversations/comments.js';
import { getSettings } from '../../../services/settings/settings.js';
import { router } from '../../env.js';
import { Id, IdParam, Timestamp } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Conversations'];

const Comment = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    body: z.string(),
    createdAt: Timestamp,
    authorName: z.string(),
    authorRole: z.enum(['owner', 'coach']).openapi({ description: 'Whether the owner or a coach wrote it' }),
  })
  .openapi('Comment');

const CommentInput = z
  .object({ body: z.string().trim().min(1, 'is required').max(5000) })
  .openapi('CommentInput');

const CommentParams = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' } }),
  commentId: Id.openapi({ param: { name: 'commentId', in: 'path' } }),
});

/** Comments on a conversation: its owner and their coaches (hosted mode) both add them. */
export const commentRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/comments',
      tags,
      summary: 'Comments on a conversation, oldest first, with their author',
      request: { params: IdParam },
      responses: { 200: json(z.array(Comment), 'The comments'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(serialize(await listComments({ ...c.var.ctx, conversationId: c.req.valid('param').id })), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/comments',
      tags,
      summary: 'Comment on a conversation (a coach may too)',
      request: { params: IdParam, ...body(CommentInput) },
      responses: { 201: json(Comment, 'Added'), ...errors(400, 404) },
    }),
    async (c) => {
      const ctx = c.var.ctx;
      // A coach writes under their account's name; the owner under the name in their settings.
      const author =
        c.var.coach && c.var.account
          ? { name: c.var.account.name || c.var.account.email, role: 'coach' as const }
          : { name: (await getSettings(ctx)).myName, role: 'owner' as const };
      const comment = await addComment({
        ...ctx,
        conversationId: c.req.valid('param').id,
        author,
        body: c.req.valid('json').body,
      });
      return c.json(serialize(comment), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/comments/{commentId}',
      tags,
      summary: 'Delete a comment (the owner only)',
      request: { params: CommentParams },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      const { id, commentId } = c.req.valid('param');
      await deleteComment({ ...c.var.ctx, conversationId: id, id: commentId });
      return c.body(null, 204);
    },
  );
