import { and, desc, eq, isNull } from 'drizzle-orm';
import { notes, tasks } from '../db/schema.js';
import { draftThankYou, highlightFromNotes, thankYouDueAt } from '../domain/after-meeting.js';
import { AppError } from '../domain/errors.js';
import { meetingEnd } from '../domain/meeting-rules.js';
import type { Ctx } from './context.js';
import { getConversation } from './conversations.js';
import { getSettings } from './settings.js';

/**
 * A thank-you to one participant, drafted from the meeting notes: one specific thing they said,
 * what I will do with it (my first open promise), and thanks. Due within 24 hours of the end.
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
  const noteRows = await ctx.db
    .select({ body: notes.body })
    .from(notes)
    .where(eq(notes.conversationId, conv.id))
    .orderBy(desc(notes.createdAt))
    .limit(10);
  const [promise] = await ctx.db
    .select({ title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.conversationId, conv.id), eq(tasks.kind, 'promise_mine'), isNull(tasks.doneAt)))
    .limit(1);
  const settings = await getSettings(ctx);
  const body = draftThankYou({
    firstName: person.fullName.split(/\s+/)[0] ?? person.fullName,
    specificThing: highlightFromNotes(noteRows.map((n) => n.body)),
    nextStep: promise?.title,
    myName: settings.myName === 'Me' ? undefined : settings.myName,
  });
  const dueAt = conv.meeting
    ? thankYouDueAt(meetingEnd(conv.meeting.startsAt, conv.meeting.durationMinutes))
    : null;
  return { personId: person.id, subject: `Thank you, ${person.fullName.split(/\s+/)[0]}`, body, dueAt };
}
