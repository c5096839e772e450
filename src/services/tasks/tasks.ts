import { and, asc, count, desc, eq, getTableColumns, isNotNull, isNull, sql } from 'drizzle-orm';
import { conversations, people, tasks } from '../../db/schema.js';
import { localDate } from '../../domain/business-days.js';
import { notFound } from '../../domain/errors.js';
import type { TaskKind } from '../../domain/vocab.js';
import { type Ctx, updateVersioned } from '../context.js';
import { getConversation } from '../conversations/conversations.js';
import { assertPersonInWorkspace } from '../people/people.js';
import { getSettings } from '../settings/settings.js';

/** A task as the app reads it; the search vector stays in the database. */
export type Task = Omit<typeof tasks.$inferSelect, 'search'>;

/** Whether an open, dated task is late or due today, on the user's clock. */
export interface DueState {
  /** Open and due before today, on the user's clock. */
  overdue: boolean;
  /** Open and due today, on the user's clock. */
  dueToday: boolean;
}

function dueState(t: Pick<Task, 'doneAt' | 'dueOn'>, today: string): DueState {
  const open = !t.doneAt && t.dueOn !== null;
  return { overdue: open && t.dueOn! < today, dueToday: open && t.dueOn === today };
}

/** The task as saved, with its due state: a date that has passed shows as overdue at once. */
async function withDueState(ctx: Ctx, task: Task): Promise<Task & DueState> {
  const { timeZone } = await getSettings(ctx);
  return { ...task, ...dueState(task, localDate(ctx.now(), timeZone)) };
}

export interface TaskInput {
  kind?: TaskKind;
  title: string;
  dueOn?: string | null;
  personId?: string | null;
  conversationId?: string | null;
}

/**
 * Adds a task or promise; a report-back without a date is due after the configured interval. A due
 * date that has passed is kept (a promise already late), and the task comes back overdue.
 */
export async function createTask(
  ctx: Ctx & { input: TaskInput; defaultDueOn?: string; suggestedBy?: string },
): Promise<Task & DueState> {
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
      suggestedBy: ctx.suggestedBy ?? null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  return withDueState(ctx, row!);
}

/** Which tasks a list shows: open ones (the default), done ones, or both. */
export type TaskState = 'open' | 'done' | 'all';

export interface TaskFilter {
  conversationId?: string;
  personId?: string;
  state?: TaskState;
  /** The same as `state: 'all'` (the CSV export and the conversation page ask this way). */
  includeDone?: boolean;
  /** Named apart from `kind`, which the CSV export's filters use for opportunities. */
  taskKind?: TaskKind;
}

/** A task as lists show it: with the names of its person and conversation, and whether it is late. */
export type TaskListItem = Task &
  DueState & {
    personName: string | null;
    conversationTitle: string | null;
  };

function taskWhere(ctx: Ctx & TaskFilter) {
  const state = ctx.state ?? (ctx.includeDone ? 'all' : 'open');
  return and(
    eq(tasks.workspaceId, ctx.workspaceId),
    ctx.conversationId ? eq(tasks.conversationId, ctx.conversationId) : undefined,
    ctx.personId ? eq(tasks.personId, ctx.personId) : undefined,
    ctx.taskKind ? eq(tasks.kind, ctx.taskKind) : undefined,
    state === 'open' ? isNull(tasks.doneAt) : state === 'done' ? isNotNull(tasks.doneAt) : undefined,
  );
}

/** Every column but the search vector, which only search reads. */
const { search: _search, ...taskColumns } = getTableColumns(tasks);

/**
 * Open tasks first by due date (undated ones last), then done ones, most recently done first.
 * Without `limit`, every matching task.
 */
export async function listTasks(
  ctx: Ctx & TaskFilter & { limit?: number; offset?: number },
): Promise<TaskListItem[]> {
  const query = ctx.db
    .select({
      ...taskColumns,
      personName: people.fullName,
      conversationTitle: conversations.title,
    })
    .from(tasks)
    .leftJoin(people, eq(people.id, tasks.personId))
    .leftJoin(conversations, eq(conversations.id, tasks.conversationId))
    .where(taskWhere(ctx))
    .orderBy(
      asc(sql`${tasks.doneAt} is not null`),
      desc(tasks.doneAt),
      sql`${tasks.dueOn} asc nulls last`,
      asc(tasks.createdAt),
      asc(tasks.id),
    )
    .$dynamic();
  if (ctx.limit !== undefined) query.limit(ctx.limit).offset(ctx.offset ?? 0);
  const [settings, rows] = await Promise.all([getSettings(ctx), query]);
  const today = localDate(ctx.now(), settings.timeZone);
  return rows.map((t) => ({ ...t, ...dueState(t, today) }));
}

/** How many tasks match the filter, for paging. */
export async function countTasks(ctx: Ctx & TaskFilter): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(tasks).where(taskWhere(ctx));
  return row?.n ?? 0;
}

/** Edits a task, or marks it done (or not done); a due date moved into the past shows overdue at once. */
export async function updateTask(
  ctx: Ctx & { id: string; version?: number; input: Partial<TaskInput> & { done?: boolean } },
): Promise<Task & DueState> {
  const { done, ...rest } = ctx.input;
  const values: Record<string, unknown> = { ...rest };
  if (done !== undefined) values.doneAt = done ? ctx.now() : null;
  await updateVersioned(ctx, tasks, 'task', ctx.id, ctx.version, values);
  const [row] = await ctx.db.select().from(tasks).where(eq(tasks.id, ctx.id));
  return withDueState(ctx, row!);
}

/** Deletes a task. */
export async function deleteTask(ctx: Ctx & { id: string }): Promise<void> {
  const deleted = await ctx.db
    .delete(tasks)
    .where(and(eq(tasks.id, ctx.id), eq(tasks.workspaceId, ctx.workspaceId)))
    .returning({ id: tasks.id });
  if (!deleted.length) throw notFound('task', ctx.id);
}
