import { and, count, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { conversationParticipants, conversations, messages, people } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { MessageAttachment } from '../../domain/mail.js';
import type { Channel, ConversationStatus, Direction, MessagePurpose } from '../../domain/vocab.js';
import { type Ctx, inTransaction } from '../context.js';
import { applyStatus, getConversation } from '../conversations/conversations.js';
import { markIntroductionsThanked } from '../network/introduction-progress.js';
import { assertPersonInWorkspace, touchPeople } from '../people/people.js';

export type Message = typeof messages.$inferSelect;

export interface MessageInput {
  personId: string;
  conversationId?: string | null;
  channel: Channel;
  direction: Direction;
  purpose: MessagePurpose;
  at?: Date;
  subject?: string | null;
  body?: string;
  templateId?: string | null;
  /** The e-mail's Message-ID, when the message came from or went through the mailbox. */
  messageId?: string | null;
  /**
   * The purpose is Rapport's guess (mail found by the sync). An inferred answer records the reply,
   * which stops 3B7, but leaves the status for the user to set: only they know if it was a yes.
   */
  inferred?: boolean;
  /** Documents from the library that went out with it (set by the mail send). */
  attachments?: MessageAttachment[];
}

/** What logging a message means for the conversation's status, if anything. */
function statusEffect(
  status: ConversationStatus,
  m: Pick<MessageInput, 'direction' | 'purpose' | 'inferred'>,
): ConversationStatus | null {
  if (m.inferred && m.direction === 'in') return null;
  if (m.direction === 'out' && m.purpose === 'request' && status === 'idea') return 'requested';
  if (m.direction === 'in' && m.purpose === 'decline' && (status === 'requested' || status === 'no_reply')) {
    return 'declined';
  }
  // Any other answer to a pending request means yes: the next step is scheduling.
  if (m.direction === 'in' && (status === 'requested' || status === 'no_reply')) return 'accepted';
  return null;
}

/** After a thank-you, the conversation is Thanked once every participant has one. */
async function everyoneThanked(ctx: Ctx, conversationId: string, since: Date): Promise<boolean> {
  const rows = await ctx.db
    .select({
      personId: conversationParticipants.personId,
      thanked: sql<boolean>`exists (
        select 1 from ${messages} m where m.conversation_id = ${conversationId}
        and m.person_id = "conversation_participants"."person_id" and m.direction = 'out'
        and m.purpose = 'thank_you' and m.at >= ${since.toISOString()}::timestamptz)`,
    })
    .from(conversationParticipants)
    .where(eq(conversationParticipants.conversationId, conversationId));
  return rows.length > 0 && rows.every((r) => r.thanked);
}

/**
 * Logs a message sent or received. Sending a request moves an idea to Requested; a reply moves
 * a pending request to Accepted (or Declined); thanking every participant moves a held meeting
 * to Thanked. Every message restarts the keep-in-touch clock of its person.
 */
export async function logMessage(
  ctx: Ctx & { input: MessageInput },
): Promise<{ message: Message; statusChangedTo: ConversationStatus | null }> {
  const { input } = ctx;
  return inTransaction(ctx, async (tx) => {
    await assertPersonInWorkspace(tx, input.personId, 'personId');
    const at = input.at ?? ctx.now();
    if (at.getTime() > ctx.now().getTime() + 5 * 60_000) {
      throw new AppError('validation', {
        userMessage: 'at: a message cannot be logged in the future.',
        issues: [{ field: 'at', message: 'is in the future' }],
      });
    }
    let statusChangedTo: ConversationStatus | null = null;
    let conversation = null;
    if (input.conversationId) {
      conversation = await getConversation({ ...tx, id: input.conversationId });
      if (!conversation.participants.some((p) => p.id === input.personId)) {
        throw new AppError('validation', {
          userMessage: 'personId: this person does not take part in the conversation.',
          issues: [{ field: 'personId', message: 'not a participant of the conversation' }],
        });
      }
    }
    const [message] = await tx.db
      .insert(messages)
      .values({
        workspaceId: ctx.workspaceId,
        personId: input.personId,
        conversationId: input.conversationId ?? null,
        channel: input.channel,
        direction: input.direction,
        purpose: input.purpose,
        at,
        subject: input.subject ?? null,
        body: input.body ?? '',
        templateId: input.templateId ?? null,
        messageId: input.messageId ?? null,
        purposeInferred: input.inferred ?? false,
        attachments: input.attachments ?? [],
        createdAt: ctx.now(),
      })
      .returning();
    await touchPeople(tx, [input.personId], at);
    // Thanking an introducer, or telling them how it went, closes the loop on whom they introduced.
    if (input.direction === 'out' && (input.purpose === 'thank_you' || input.purpose === 'report_back')) {
      await markIntroductionsThanked(tx, input.personId);
    }
    if (conversation) {
      const next = statusEffect(conversation.status, input);
      const thanked =
        input.direction === 'out' &&
        input.purpose === 'thank_you' &&
        conversation.status === 'held' &&
        conversation.meeting &&
        (await everyoneThanked(tx, conversation.id, conversation.meeting.startsAt));
      if (
        input.inferred &&
        input.direction === 'in' &&
        (conversation.status === 'requested' || conversation.status === 'no_reply')
      ) {
        // The answer counts for reply rates at once; the status waits for the user's yes or no.
        await tx.db
          .update(conversations)
          .set({ repliedAt: sql`coalesce(${conversations.repliedAt}, ${at})`, updatedAt: ctx.now() })
          .where(eq(conversations.id, conversation.id));
      }
      const to = next ?? (thanked ? 'thanked' : null);
      if (to) {
        const how = `${input.direction === 'out' ? 'Sent' : 'Received'} by ${input.channel.replace('_', ' ')}`;
        await applyStatus(tx, conversation, to, how, at);
        statusChangedTo = to;
      }
    }
    return { message: message!, statusChangedTo };
  });
}

export interface MessageFilter {
  personId?: string;
  conversationId?: string;
  direction?: Direction;
  channel?: Channel;
}

/** A logged message as the log shows it: with the names of its person and conversation. */
export type MessageListItem = Omit<Message, 'search'> & {
  personName: string;
  conversationTitle: string | null;
};

// The full-text vector is for search only; lists leave it in the database.
const { search: _search, ...listColumns } = getTableColumns(messages);

function messageWhere(ctx: Ctx & MessageFilter) {
  return and(
    eq(messages.workspaceId, ctx.workspaceId),
    ctx.personId ? eq(messages.personId, ctx.personId) : undefined,
    ctx.conversationId ? eq(messages.conversationId, ctx.conversationId) : undefined,
    ctx.direction ? eq(messages.direction, ctx.direction) : undefined,
    ctx.channel ? eq(messages.channel, ctx.channel) : undefined,
  );
}

/** The message log, newest first, for a person or a conversation or the whole workspace. */
export async function listMessages(
  ctx: Ctx & MessageFilter & { limit?: number; offset?: number },
): Promise<MessageListItem[]> {
  return ctx.db
    .select({ ...listColumns, personName: people.fullName, conversationTitle: conversations.title })
    .from(messages)
    .innerJoin(people, eq(people.id, messages.personId))
    .leftJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(messageWhere(ctx))
    .orderBy(desc(messages.at), desc(messages.createdAt), desc(messages.id))
    .limit(ctx.limit ?? 100)
    .offset(ctx.offset ?? 0);
}

/**
 * The message log in its order, one page after another, for exports: keyset paging, so each page
 * is a short query however deep it is. The cursor holds the times as the database writes them,
 * so microseconds survive the round trip.
 */
export async function listMessagesAfter(
  ctx: Ctx & MessageFilter & { after?: string[]; limit: number },
): Promise<{ items: MessageListItem[]; next: string[] | null }> {
  const [at, createdAt, id] = ctx.after ?? [];
  const rows = await ctx.db
    .select({
      ...listColumns,
      personName: people.fullName,
      conversationTitle: conversations.title,
      key: sql<string[]>`array[${messages.at}::text, ${messages.createdAt}::text, ${messages.id}::text]`,
    })
    .from(messages)
    .innerJoin(people, eq(people.id, messages.personId))
    .leftJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        messageWhere(ctx),
        ctx.after
          ? sql`(${messages.at}, ${messages.createdAt}, ${messages.id})
              < (${at}::timestamptz, ${createdAt}::timestamptz, ${id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(messages.at), desc(messages.createdAt), desc(messages.id))
    .limit(ctx.limit);
  const last = rows.length === ctx.limit ? rows[rows.length - 1] : undefined;
  return { items: rows.map(({ key: _key, ...m }) => m), next: last ? last.key : null };
}

/** How many messages match the filter, for paging. */
export async function countMessages(ctx: Ctx & MessageFilter): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(messages).where(messageWhere(ctx));
  return row?.n ?? 0;
}

/** Deletes a logged message (a mistaken entry); status changes it caused stay in the history. */
export async function deleteMessage(ctx: Ctx & { id: string }): Promise<void> {
  const deleted = await ctx.db
    .delete(messages)
    .where(and(eq(messages.id, ctx.id), eq(messages.workspaceId, ctx.workspaceId)))
    .returning({ id: messages.id });
  if (!deleted.length) throw new AppError('not_found', { userMessage: `No message with id ${ctx.id}.` });
}
