import { and, eq } from 'drizzle-orm';
import { messages } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { type Ctx, inTransaction } from '../context.js';
import { type ConversationDetail, getConversation, moveConversation } from './conversations.js';

export type ReplyAnswer = 'yes' | 'no';

/**
 * Answers "Did they agree to talk?" after a reply read from the mailbox: yes moves the request to
 * Accepted, no to Declined, as logging the answer by hand does. The reply in the log stops being a
 * guess: a no becomes their decline.
 */
export async function answerReply(
  ctx: Ctx & { id: string; answer: ReplyAnswer; version?: number | undefined },
): Promise<ConversationDetail> {
  return inTransaction(ctx, async (tx) => {
    const conv = await getConversation({ ...tx, id: ctx.id });
    const reply = conv.replyToAnswer;
    if (!reply) {
      throw new AppError('illegal_transition', {
        userMessage:
          'No reply is waiting for your answer here: it was answered already, or no reply was read from your mailbox.',
      });
    }
    if (reply.messageLogId) {
      await tx.db
        .update(messages)
        .set({ purpose: ctx.answer === 'yes' ? 'reply' : 'decline', purposeInferred: false })
        .where(and(eq(messages.id, reply.messageLogId), eq(messages.workspaceId, ctx.workspaceId)));
    }
    return moveConversation({
      ...tx,
      id: ctx.id,
      to: ctx.answer === 'yes' ? 'accepted' : 'declined',
      note:
        ctx.answer === 'yes'
          ? 'They agreed to talk (reply read from your mailbox).'
          : 'They declined (reply read from your mailbox).',
      version: ctx.version,
    });
  });
}
