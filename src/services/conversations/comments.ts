import { and, asc, eq } from 'drizzle-orm';
import { conversationComments, conversations } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import type { Ctx } from '../context.js';

/** A comment as the conversation page shows it: with its author's name and role, and when. */
export type Comment = Omit<typeof conversationComments.$inferSelect, 'workspaceId'>;

/** Who writes a comment: the workspace's owner, or a coach it is shared with (hosted mode). */
export interface CommentAuthor {
  name: string;
  role: 'owner' | 'coach';
}

async function assertConversation(ctx: Ctx, conversationId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.workspaceId, ctx.workspaceId)));
  if (!row) throw notFound('conversation', conversationId);
}

const columns = {
  id: conversationComments.id,
  conversationId: conversationComments.conversationId,
  authorName: conversationComments.authorName,
  authorRole: conversationComments.authorRole,
  body: conversationComments.body,
  createdAt: conversationComments.createdAt,
};

/** The comments on a conversation, oldest first. */
export async function listComments(ctx: Ctx & { conversationId: string }): Promise<Comment[]> {
  await assertConversation(ctx, ctx.conversationId);
  return ctx.db
    .select(columns)
    .from(conversationComments)
    .where(
      and(
        eq(conversationComments.conversationId, ctx.conversationId),
        eq(conversationComments.workspaceId, ctx.workspaceId),
      ),
    )
    .orderBy(asc(conversationComments.createdAt), asc(conversationComments.id));
}

/** Adds a comment to a conversation of the context's workspace. */
export async function addComment(
  ctx: Ctx & { conversationId: string; author: CommentAuthor; body: string },
): Promise<Comment> {
  await assertConversation(ctx, ctx.conversationId);
  const [row] = await ctx.db
    .insert(conversationComments)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId: ctx.conversationId,
      authorName: ctx.author.name,
      authorRole: ctx.author.role,
      body: ctx.body,
      createdAt: ctx.now(),
    })
    .returning(columns);
  return row!;
}

/** Deletes a comment (the owner's right, for their own comments and a coach's alike). */
export async function deleteComment(ctx: Ctx & { conversationId: string; id: string }): Promise<void> {
  const deleted = await ctx.db
    .delete(conversationComments)
    .where(
      and(
        eq(conversationComments.id, ctx.id),
        eq(conversationComments.conversationId, ctx.conversationId),
        eq(conversationComments.workspaceId, ctx.workspaceId),
      ),
    )
    .returning({ id: conversationComments.id });
  if (!deleted.length) throw notFound('comment', ctx.id);
}
