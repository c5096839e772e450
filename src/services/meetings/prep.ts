import { count, countDistinct, eq, sql } from 'drizzle-orm';
import { conversationDocuments, meetings, planItems } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { type PrepAnswers, prepChecklist } from '../../domain/prep.js';
import type { Ctx } from '../context.js';
import { getConversation } from '../conversations/conversations.js';
import { getSettings } from '../settings/settings.js';

/** The meeting's preparation checklist and how far along it is. */
export async function getPrep(ctx: Ctx & { conversationId: string }) {
  const conv = await getConversation({ ...ctx, id: ctx.conversationId });
  const m = conv.meeting;
  if (!m) {
    throw new AppError('illegal_transition', {
      userMessage: 'Schedule the meeting first; the preparation checklist follows from its time and place.',
    });
  }
  const [[questions], [docs]] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(planItems)
      // Every question counts, from the bank or typed by the user; rapport and closing lines do not.
      .where(
        sql`${planItems.conversationId} = ${conv.id} and ${planItems.section} not in ('rapport', 'next_steps')`,
      ),
    // A document shared with someone has a row per person besides the one to bring it: count it once.
    ctx.db
      .select({ n: countDistinct(conversationDocuments.documentId) })
      .from(conversationDocuments)
      .where(eq(conversationDocuments.conversationId, conv.id)),
  ]);
  // The confirm day is counted as Today counts it: in the user's zone, skipping their holidays.
  const settings = await getSettings(ctx);
  return {
    answers: (m.prep ?? {}) as PrepAnswers,
    ...prepChecklist({
      medium: m.medium,
      startsAt: m.startsAt,
      timeZone: m.timeZone,
      calendar: { timeZone: settings.timeZone, holidays: settings.holidays },
      now: ctx.now(),
      prep: (m.prep ?? {}) as PrepAnswers,
      questionsChosen: questions?.n ?? 0,
      documentsToBring: docs?.n ?? 0,
    }),
  };
}

/** Records preparation answers (research done, confirmed, documents ready, travel time). */
export async function updatePrep(ctx: Ctx & { conversationId: string; answers: PrepAnswers }) {
  const conv = await getConversation({ ...ctx, id: ctx.conversationId });
  if (!conv.meeting) {
    throw new AppError('illegal_transition', { userMessage: 'Schedule the meeting first.' });
  }
  const merged = { ...((conv.meeting.prep ?? {}) as PrepAnswers), ...ctx.answers };
  await ctx.db
    .update(meetings)
    .set({ prep: merged, updatedAt: ctx.now() })
    .where(eq(meetings.id, conv.meeting.id));
  return getPrep(ctx);
}
