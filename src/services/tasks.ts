import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { tasks } from '../db/schema.js';
import { notFound } from '../domain/errors.js';
import type { TaskKind } from '../domain/vocab.js';
import { type Ctx, updateVersioned } from './context.js';
import { getConversation } from './conversations.js';
import { assertPersonInWorkspace } from './people.js';

export type Task = typeof tasks.$inferSelect;

export interface TaskInput {
  kind?: TaskKind;
  title: string;
  dueOn?: string | null;
  personId?: string | null;
  conversationId?: string | null;
}

/** Adds a task or promise; a report-back without a date is due after the configured interval. */
export async function createTask(ctx: Ctx & { input: TaskInput; defaultDueOn?: string }): Promise<Task> {
  const { input } = ctx;
  if (input.personId) await assertPersonInWorkspace(ctx, input.personId, 'personId');
  if (input.conversationId) await getConversation({ ...ctx, id: input.conversationId });
  const [row] = await ctx.db
    .insert(tasks)
    .values({
      workspaceId: ctx.workspaceId,
      kind: input.kind ?? 'custom',
      title: input.title,
      dueOn: input.dueOn ?? ctx.defaultDueOn ?? null,
      personId: input.personId ?? null,
      conversationId: input.conversationId ?? null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  return row!;
}

/** Open tasks first by due date, then done ones if asked. */
export async function listTasks(
  ctx: Ctx & { conversationId?: string; personId?: string; includeDone?: boolean },
): Promise<Task[]> {
  return ctx.db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.workspaceId, ctx.workspaceId),
        ctx.conversationId ? eq(tasks.conversationId, ctx.conversationId) : undefined,
        ctx.personId ? eq(tasks.personId, ctx.personId) : undefined,
        ctx.includeDone ? undefined : isNull(tasks.doneAt),
      ),
    )
    .orderBy(asc(sql`${tasks.doneAt} is not null`), sql`${tasks.dueOn} asc nulls last`, asc(tasks.createdAt));
}

/** Edits a task, or marks it done (or not done). */
export async function updateTask(
  ctx: Ctx & { id: string; version?: number; input: Partial<TaskInput> & { done?: boolean } },
): Promise<Task> {
  const { done, ...rest } = ctx.input;
  const values: Record<string, unknown> = { ...rest };
  if (done !== undefined) values.doneAt = done ? ctx.now() : null;
  await updateVersioned(ctx, tasks, 'task', ctx.id, ctx.version, values);
  const [row] = await ctx.db.select().from(tasks).where(eq(tasks.id, ctx.id));
  return row!;
}

/** Deletes a task. */
export async function deleteTask(ctx: Ctx & { id: string }): Promise<void> {
  const deleted = await ctx.db
    .delete(tasks)
    .where(and(eq(tasks.id, ctx.id), eq(tasks.workspaceId, ctx.workspaceId)))
    .returning({ id: tasks.id });
  if (!deleted.length) throw notFound('task', ctx.id);
}
