import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { tasks } from '../../db/schema.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { createTask, type DueState, type Task, type TaskInput } from './tasks.js';

/**
 * A coach's suggestion: a task in the owner's list, marked "Suggested by <coach>" until the owner
 * accepts it (it stays, as their own) or dismisses it (it is deleted).
 */
export function suggestTask(ctx: Ctx & { input: TaskInput; coachName: string }): Promise<Task & DueState> {
  return createTask({ ...ctx, suggestedBy: ctx.coachName });
}

/** Accepts a coach's suggestion: it becomes one of the owner's tasks. */
export async function acceptSuggestion(ctx: Ctx & { id: string }): Promise<void> {
  const updated = await ctx.db
    .update(tasks)
    .set({ acceptedAt: ctx.now(), updatedAt: ctx.now() })
    .where(
      and(
        eq(tasks.id, ctx.id),
        eq(tasks.workspaceId, ctx.workspaceId),
        isNotNull(tasks.suggestedBy),
        isNull(tasks.acceptedAt),
      ),
    )
    .returning({ id: tasks.id });
  if (updated.length) return;
  const [task] = await ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, ctx.id), eq(tasks.workspaceId, ctx.workspaceId)));
  if (!task) throw notFound('task', ctx.id);
  throw new AppError('illegal_transition', {
    userMessage: 'This task is not a suggestion waiting for an answer: it is in your list already.',
  });
}
