import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { conversations, messages, people } from '../../db/schema.js';
import { localDate } from '../../domain/business-days.js';
import { formatDateIn } from '../../domain/date-format.js';
import type { Ctx } from '../context.js';
import type { AgendaClock, AgendaDraft } from './agenda-item.js';

/**
 * "Did they agree to talk?": a reply read from the mailbox (sync or import) answered a pending
 * request, and only the user knows whether it was a yes or a no. Answered on the conversation.
 */
export async function replyAnswerItems(ctx: Ctx, clock: AgendaClock): Promise<AgendaDraft[]> {
  const rows = await ctx.db
    .select({
      conversationId: conversations.id,
      title: conversations.title,
      repliedAt: conversations.repliedAt,
      personId: sql<string | null>`(select m.person_id from ${messages} m
        where m.conversation_id = "conversations"."id" and m.direction = 'in'
          and m.at >= "conversations"."replied_at" order by m.at limit 1)`,
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, ctx.workspaceId),
        inArray(conversations.status, ['requested', 'no_reply']),
        isNotNull(conversations.repliedAt),
      ),
    );
  if (!rows.length) return [];
  const ids = [...new Set(rows.map((r) => r.personId).filter((p): p is string => Boolean(p)))];
  const names = new Map(
    ids.length
      ? (
          await ctx.db
            .select({ id: people.id, fullName: people.fullName })
            .from(people)
            .where(and(eq(people.workspaceId, ctx.workspaceId), inArray(people.id, ids)))
        ).map((p) => [p.id, p.fullName])
      : [],
  );
  return rows.map((r) => {
    const repliedAt = r.repliedAt!;
    const name = (r.personId && names.get(r.personId)) || 'They';
    const day = formatDateIn(repliedAt, { timeZone: clock.cal.timeZone, locale: 'en-GB', now: clock.now });
    return {
      key: `reply_answer:${r.conversationId}:${repliedAt.toISOString()}`,
      kind: 'reply_answer' as const,
      title: `Did ${name === 'They' ? 'they' : name} agree to talk? (${r.title})`,
      detail: `${name} replied on ${day} (read from your mailbox). Open the conversation to say whether it was a yes or a no.`,
      dueDate: localDate(repliedAt, clock.cal.timeZone),
      dueAt: null,
      overdue: false,
      personId: r.personId,
      conversationId: r.conversationId,
      taskId: null,
    };
  });
}
