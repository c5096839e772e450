import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { questions } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { QUESTION_BANK, type QuestionTopic } from '../../domain/question-bank.js';
import { searchableReason } from '../../domain/searchable.js';
import type { ConversationType } from '../../domain/vocab.js';
import { type Ctx, updateVersioned } from '../context.js';

export type Question = typeof questions.$inferSelect;

export interface QuestionInput {
  text: string;
  topic: QuestionTopic;
  goals: ConversationType[];
}

/** Adds the built-in bank to a workspace the first time its questions are asked for. */
async function seedBank(ctx: Ctx): Promise<void> {
  const [any] = await ctx.db
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.workspaceId, ctx.workspaceId), eq(questions.builtIn, true)))
    .limit(1);
  if (any) return;
  await ctx.db.insert(questions).values(
    QUESTION_BANK.map((q) => ({
      workspaceId: ctx.workspaceId,
      text: q.text,
      topic: q.topic,
      goals: [...q.goals],
      builtIn: true,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })),
  );
}

/** The question bank (built-in and the user's own), optionally for one goal or topic. */
export async function listQuestions(
  ctx: Ctx & { goal?: ConversationType; topic?: QuestionTopic; includeRetired?: boolean },
): Promise<Question[]> {
  await seedBank(ctx);
  return ctx.db
    .select()
    .from(questions)
    .where(
      and(
        eq(questions.workspaceId, ctx.workspaceId),
        ctx.includeRetired ? undefined : isNull(questions.retiredAt),
        ctx.goal ? sql`${ctx.goal} = any(${questions.goals})` : undefined,
        ctx.topic ? eq(questions.topic, ctx.topic) : undefined,
      ),
    )
    .orderBy(asc(questions.topic), asc(questions.builtIn), asc(questions.createdAt));
}

/** Adds the user's own question; one a web search would answer is kept but flagged with why. */
export async function createQuestion(ctx: Ctx & { input: QuestionInput }): Promise<Question> {
  await seedBank(ctx);
  const [row] = await ctx.db
    .insert(questions)
    .values({
      workspaceId: ctx.workspaceId,
      text: ctx.input.text,
      topic: ctx.input.topic,
      goals: ctx.input.goals,
      searchableReason: searchableReason(ctx.input.text),
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  return row!;
}

/** Edits, re-tags, retires (or brings back) a question. */
export async function updateQuestion(
  ctx: Ctx & { id: string; version?: number; input: Partial<QuestionInput> & { retired?: boolean } },
): Promise<Question> {
  const { retired, ...rest } = ctx.input;
  const values: Record<string, unknown> = { ...rest };
  if (rest.text !== undefined) values.searchableReason = searchableReason(rest.text);
  if (retired !== undefined) values.retiredAt = retired ? ctx.now() : null;
  await updateVersioned(ctx, questions, 'question', ctx.id, ctx.version, values);
  const [row] = await ctx.db.select().from(questions).where(eq(questions.id, ctx.id));
  if (!row) throw notFound('question', ctx.id);
  return row;
}
