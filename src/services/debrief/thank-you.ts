import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { insights, tasks } from '../../db/schema.js';
import { draftThankYou, insightToQuote, thankYouDueAt, thankYouHint } from '../../domain/after-meeting.js';
import { AppError } from '../../domain/errors.js';
import { meetingEnd } from '../../domain/meeting-rules.js';
import type { Ctx } from '../context.js';
import { getConversation } from '../conversations/conversations.js';
import { getSettings } from '../settings/settings.js';

/**
 * A thank-you to one participant, drafted from the debrief and written to them (method.md
 * section 7): one thing they said — an insight credited to them — thanks for it, what I will do
 * with it (my open promise to them), and thanks. The debrief summary and the meeting notes are
 * the user's own and never go into it. `hint` says what the user should still add. Due within 24
 * hours of the end.
 */
export async function thankYouDraft(ctx: Ctx & { conversationId: string; personId: string }) {
  const conv = await getConversation({ ...ctx, id: ctx.conversationId });
  const person = conv.participants.find((p) => p.id === ctx.personId);
  if (!person) {
    throw new AppError('validation', {
      userMessage: 'personId: this person does not take part in the conversation.',
      issues: [{ field: 'personId', message: 'not a participant' }],
    });
  }
  const credited = await ctx.db
    .select({ topic: insights.topic, body: insights.body, createdAt: insights.createdAt })
    .from(insights)
    .where(
      and(
        eq(insights.workspaceId, ctx.workspaceId),
        eq(insights.conversationId, conv.id),
        eq(insights.personId, person.id),
      ),
    );
  // A promise made to this person comes first; one made to nobody in particular will do.
  const promises = await ctx.db
    .select({ title: tasks.title, personId: tasks.personId })
    .from(tasks)
    .where(
      and(
        eq(tasks.workspaceId, ctx.workspaceId),
        eq(tasks.conversationId, conv.id),
        eq(tasks.kind, 'promise_mine'),
        isNull(tasks.doneAt),
        or(eq(tasks.personId, person.id), isNull(tasks.personId)),
      ),
    )
    .orderBy(asc(tasks.createdAt), asc(tasks.title));
  const promise = promises.find((p) => p.personId === person.id) ?? promises[0];
  const settings = await getSettings(ctx);
  const firstName = person.fullName.split(/\s+/)[0] ?? person.fullName;
  const facts = {
    firstName,
    theySaid: insightToQuote(credited)?.body,
    willDo: promise?.title,
    myName: settings.myName === 'Me' ? undefined : settings.myName,
  };
  const dueAt = conv.meeting
    ? thankYouDueAt(meetingEnd(conv.meeting.startsAt, conv.meeting.durationMinutes))
    : null;
  return {
    personId: person.id,
    subject: `Thank you, ${firstName}`,
    body: draftThankYou(facts),
    hint: thankYouHint(facts),
    dueAt,
  };
}
