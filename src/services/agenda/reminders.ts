import { and, eq } from 'drizzle-orm';
import { reminderStates, tasks } from '../../db/schema.js';
import { AppError, invalidField } from '../../domain/errors.js';
import { type Ctx, inTransaction } from '../context.js';
import { touchPeople } from '../people/people.js';

export type ReminderAction = 'done' | 'snooze' | 'dismiss' | 'reopen';

const DAY = 86_400_000;

/**
 * Remembers what the user did with an agenda item. Done on a task closes the task; done on a
 * keep-in-touch item counts as an interaction, so the next reminder comes a full interval later.
 */
export async function answerReminder(
  ctx: Ctx & { key: string; action: ReminderAction; until?: Date },
): Promise<void> {
  const [kind, id] = ctx.key.split(':');
  if (!kind || !id) throw invalidField('key', 'is not an agenda item key');
  // "Did your meeting happen?" must not vanish unanswered: the answer is a status move or a new time.
  if (kind === 'meeting_outcome' && (ctx.action === 'done' || ctx.action === 'dismiss')) {
    throw new AppError('illegal_transition', {
      userMessage:
        'Say what happened to the meeting instead: mark the conversation held or cancelled, or give the meeting its new time.',
    });
  }
  await inTransaction(ctx, async (tx) => {
    if (ctx.action === 'reopen') {
      await tx.db
        .delete(reminderStates)
        .where(and(eq(reminderStates.workspaceId, ctx.workspaceId), eq(reminderStates.ruleKey, ctx.key)));
      return;
    }
    if (kind === 'task' && ctx.action === 'done') {
      await tx.db
        .update(tasks)
        .set({ doneAt: ctx.now() })
        .where(and(eq(tasks.id, id), eq(tasks.workspaceId, ctx.workspaceId)));
    }
    if (kind === 'keep_in_touch' && ctx.action === 'done') await touchPeople(tx, [id], ctx.now());
    const until = ctx.action === 'snooze' ? (ctx.until ?? new Date(ctx.now().getTime() + DAY)) : null;
    if (until && until <= ctx.now()) throw invalidField('until', 'must be in the future');
    const state = ctx.action === 'snooze' ? 'snoozed' : ctx.action === 'done' ? 'done' : 'dismissed';
    await tx.db
      .insert(reminderStates)
      .values({ workspaceId: ctx.workspaceId, ruleKey: ctx.key, state, snoozedUntil: until, at: ctx.now() })
      .onConflictDoUpdate({
        target: [reminderStates.workspaceId, reminderStates.ruleKey],
        set: { state, snoozedUntil: until, at: ctx.now() },
      });
  });
}
