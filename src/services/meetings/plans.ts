import { and, asc, eq, isNull } from 'drizzle-orm';
import { planItems, questions } from '../../db/schema.js';
import { AppError, notFound, nothingToChange } from '../../domain/errors.js';
import { DEFAULT_MEETING_MINUTES } from '../../domain/meeting-rules.js';
import { type PlanQuestion, type PlanSection, proposePlan, retime } from '../../domain/plan.js';
import { QUESTION_BANK, type QuestionTopic } from '../../domain/question-bank.js';
import { searchableReason } from '../../domain/searchable.js';
import type { ConversationType } from '../../domain/vocab.js';
import { type Ctx, inTransaction } from '../context.js';
import { getConversation } from '../conversations/conversations.js';
import { listQuestions, type Question } from './questions.js';

export type StoredPlanItem = typeof planItems.$inferSelect;

async function itemsOf(ctx: Ctx, conversationId: string): Promise<StoredPlanItem[]> {
  return ctx.db
    .select()
    .from(planItems)
    .where(and(eq(planItems.conversationId, conversationId), eq(planItems.workspaceId, ctx.workspaceId)))
    .orderBy(asc(planItems.position));
}

/** The conversation's agenda with timing against the meeting length, and flags on weak questions. */
export async function getPlan(ctx: Ctx & { conversationId: string }) {
  const conv = await getConversation({ ...ctx, id: ctx.conversationId });
  const duration = conv.meeting?.durationMinutes ?? DEFAULT_MEETING_MINUTES;
  const items = await itemsOf(ctx, conv.id);
  const timing = retime(
    items.map((i) => ({
      section: i.section as PlanSection,
      questionId: i.questionId,
      text: i.text,
      minutes: i.minutes,
    })),
    duration,
  );
  return {
    durationMinutes: duration,
    totalMinutes: timing.totalMinutes,
    overBy: timing.overBy,
    items: items.map((i) => ({ ...i, searchableReason: searchableReason(i.text) })),
  };
}

const BANK_PLACE = new Map(QUESTION_BANK.map((q, index) => [q.text, { q, index }]));

/**
 * The bank as the plan needs it: the user's own questions first, oldest first (between equally
 * good questions, the one they wrote wins), then the built-in ones in the bank's own order, with
 * their minutes and keys. A built-in question is known by its shipped text; one the user reworded
 * counts as their own. The database alone cannot give this order: the built-in rows are inserted
 * together and share one creation time.
 */
function planQuestions(rows: readonly Question[]): PlanQuestion[] {
  const placed = rows.map((row) => ({
    row,
    bank: row.builtIn ? BANK_PLACE.get(row.text) : undefined,
  }));
  placed.sort((a, b) => {
    if (a.bank && b.bank) return a.bank.index - b.bank.index;
    if (a.bank || b.bank) return a.bank ? 1 : -1;
    return a.row.createdAt.getTime() - b.row.createdAt.getTime();
  });
  return placed.map(({ row, bank }) => ({
    id: row.id,
    text: row.text,
    topic: row.topic as QuestionTopic,
    goals: row.goals,
    ...(bank ? { key: bank.q.key, minutes: bank.q.minutes } : {}),
  }));
}

/**
 * Proposes an agenda for the chosen goals that fits the meeting length, replacing the current
 * one. The user then reorders and edits it.
 */
export async function proposeConversationPlan(
  ctx: Ctx & { conversationId: string; goals?: ConversationType[]; mySkills?: string[] },
) {
  const conv = await getConversation({ ...ctx, id: ctx.conversationId });
  const bank = await listQuestions(ctx);
  const plan = proposePlan({
    type: conv.type,
    goals: ctx.goals ?? [conv.type],
    durationMinutes: conv.meeting?.durationMinutes ?? DEFAULT_MEETING_MINUTES,
    questions: planQuestions(bank),
    mySkills: ctx.mySkills,
  });
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(planItems).where(eq(planItems.conversationId, conv.id));
    if (plan.items.length) {
      await tx.db.insert(planItems).values(
        plan.items.map((item, position) => ({
          workspaceId: ctx.workspaceId,
          conversationId: conv.id,
          section: item.section,
          questionId: item.questionId,
          text: item.text,
          minutes: item.minutes,
          position,
        })),
      );
    }
  });
  return getPlan(ctx);
}

/** Adds a question (from the bank or typed) at the end of a section. */
export async function addPlanItem(
  ctx: Ctx & {
    conversationId: string;
    section: PlanSection;
    questionId?: string;
    text?: string;
    minutes?: number;
  },
) {
  await getConversation({ ...ctx, id: ctx.conversationId });
  let text = ctx.text?.trim();
  if (ctx.questionId) {
    const [q] = await ctx.db
      .select({ text: questions.text })
      .from(questions)
      .where(
        and(
          eq(questions.id, ctx.questionId),
          eq(questions.workspaceId, ctx.workspaceId),
          isNull(questions.retiredAt),
        ),
      );
    if (!q) throw notFound('question', ctx.questionId);
    text = q.text;
  }
  if (!text) {
    throw new AppError('validation', {
      userMessage: 'text: write a question or choose one from the bank.',
      issues: [{ field: 'text', message: 'is empty' }],
    });
  }
  // The new line goes at the end of its own section; later lines move down one place.
  const items = await itemsOf(ctx, ctx.conversationId);
  const lastOfSection = items.findLast((i) => i.section === ctx.section);
  const position = lastOfSection ? lastOfSection.position + 1 : (items.at(-1)?.position ?? -1) + 1;
  await inTransaction(ctx, async (tx) => {
    for (const later of items.filter((i) => i.position >= position).reverse()) {
      await tx.db
        .update(planItems)
        .set({ position: later.position + 1 })
        .where(eq(planItems.id, later.id));
    }
    await tx.db.insert(planItems).values({
      workspaceId: ctx.workspaceId,
      conversationId: ctx.conversationId,
      section: ctx.section,
      questionId: ctx.questionId ?? null,
      text,
      minutes: ctx.minutes ?? 3,
      position,
    });
  });
  return getPlan(ctx);
}

/** Edits one line: its text, minutes, or the answer noted during the debrief. */
export async function updatePlanItem(
  ctx: Ctx & { id: string; text?: string; minutes?: number; answer?: string | null; section?: PlanSection },
) {
  const values: Record<string, unknown> = {};
  for (const key of ['text', 'minutes', 'answer', 'section'] as const) {
    if (ctx[key] !== undefined) values[key] = ctx[key];
  }
  if (!Object.keys(values).length)
    throw nothingToChange('plan item', ['text', 'minutes', 'answer', 'section']);
  const [row] = await ctx.db
    .update(planItems)
    .set(values)
    .where(and(eq(planItems.id, ctx.id), eq(planItems.workspaceId, ctx.workspaceId)))
    .returning({ conversationId: planItems.conversationId });
  if (!row) throw notFound('plan item', ctx.id);
  return getPlan({ ...ctx, conversationId: row.conversationId });
}

export async function deletePlanItem(ctx: Ctx & { id: string }) {
  const [row] = await ctx.db
    .delete(planItems)
    .where(and(eq(planItems.id, ctx.id), eq(planItems.workspaceId, ctx.workspaceId)))
    .returning({ conversationId: planItems.conversationId });
  if (!row) throw notFound('plan item', ctx.id);
  return getPlan({ ...ctx, conversationId: row.conversationId });
}

/** Puts the items in the given order; every item of the plan must be named once. */
export async function reorderPlan(ctx: Ctx & { conversationId: string; itemIds: string[] }) {
  const items = await itemsOf(ctx, ctx.conversationId);
  const known = new Set(items.map((i) => i.id));
  if (
    ctx.itemIds.length !== items.length ||
    !ctx.itemIds.every((id) => known.has(id)) ||
    new Set(ctx.itemIds).size !== items.length
  ) {
    throw new AppError('validation', {
      userMessage: 'itemIds: give every item of the plan exactly once, in the new order.',
      issues: [{ field: 'itemIds', message: 'must list every plan item once' }],
    });
  }
  await inTransaction(ctx, async (tx) => {
    for (const [position, id] of ctx.itemIds.entries()) {
      await tx.db.update(planItems).set({ position }).where(eq(planItems.id, id));
    }
  });
  return getPlan(ctx);
}
