import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { QUESTION_BANK, TIARA_TOPICS } from '../../domain/question-bank.js';
import { CONVERSATION_TYPES, type ConversationType } from '../../domain/vocab.js';
import { createConversation } from '../conversations/conversations.js';
import { createPerson } from '../people/people.js';
import { scheduleMeeting } from './meetings.js';
import { addPlanItem, getPlan, proposeConversationPlan, reorderPlan, updatePlanItem } from './plans.js';
import { createQuestion, listQuestions, updateQuestion } from './questions.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('question bank', () => {
  it('ships at least 80 questions tagged by topic and goal; users add, flag and retire their own', async () => {
    const all = await listQuestions(t.ctx);
    expect(all.length).toBeGreaterThanOrEqual(80);
    const feedback = await listQuestions({ ...t.ctx, goal: 'rejection_feedback' });
    expect(feedback.length).toBeGreaterThan(0);
    expect(feedback.every((q) => q.goals.includes('rejection_feedback'))).toBe(true);
    const mine = await createQuestion({
      ...t.ctx,
      input: { text: 'What does your company do?', topic: 'industry', goals: ['learn_company'] },
    });
    expect(mine.searchableReason).toBeTruthy();
    await updateQuestion({ ...t.ctx, id: mine.id, input: { retired: true } });
    expect((await listQuestions(t.ctx)).some((q) => q.id === mine.id)).toBe(false);
    expect((await listQuestions(t.ctx)).length).toBe(all.length);
  });
});

describe('conversation plans', () => {
  it('proposes a timed agenda for the goals that fits the meeting, and lets the user reorder and edit it', async () => {
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Plan Person' } });
    const c = await createConversation({ ...t.ctx, input: { type: 'learn_role', participantIds: [p.id] } });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: {
        startsAt: new Date('2026-12-01T10:00:00Z'),
        timeZone: 'UTC',
        medium: 'video',
        durationMinutes: 20,
      },
    });
    const plan = await proposeConversationPlan({
      ...t.ctx,
      conversationId: c.id,
      goals: ['learn_role', 'career_switch'],
    });
    expect(plan.durationMinutes).toBe(20);
    expect(plan.totalMinutes).toBeLessThanOrEqual(20);
    expect(plan.items[0]?.section).toBe('rapport');
    expect(plan.items.at(-1)?.section).toBe('next_steps');
    expect(plan.items.filter((i) => i.section === 'questions').length).toBeGreaterThan(1);

    const reversed = [...plan.items].reverse().map((i) => i.id);
    const reordered = await reorderPlan({ ...t.ctx, conversationId: c.id, itemIds: reversed });
    expect(reordered.items.map((i) => i.id)).toEqual(reversed);
    await expect(
      reorderPlan({ ...t.ctx, conversationId: c.id, itemIds: reversed.slice(1) }),
    ).rejects.toMatchObject({
      code: 'validation',
    });

    const added = await addPlanItem({
      ...t.ctx,
      conversationId: c.id,
      section: 'questions',
      text: 'How many employees does the company have?',
      minutes: 10,
    });
    const flagged = added.items.find((i) => i.text.startsWith('How many employees'))!;
    expect(flagged.searchableReason).toBeTruthy();
    expect(added.overBy).toBeGreaterThan(0);
    const answered = await updatePlanItem({ ...t.ctx, id: flagged.id, answer: 'About 200', minutes: 1 });
    expect(answered.items.find((i) => i.id === flagged.id)?.answer).toBe('About 200');
    expect((await getPlan({ ...t.ctx, conversationId: c.id })).items).toHaveLength(plan.items.length + 1);
    // A new line joins the end of its own section, not the end of the plan.
    const fresh = await proposeConversationPlan({ ...t.ctx, conversationId: c.id });
    const withOwn = await addPlanItem({
      ...t.ctx,
      conversationId: c.id,
      section: 'questions',
      text: 'What surprised you most in your first year?',
    });
    const sections = withOwn.items.map((i) => i.section);
    expect(sections.lastIndexOf('questions')).toBe(
      withOwn.items.findIndex((i) => i.text.startsWith('What surprised you most')),
    );
    expect(withOwn.items.at(-1)?.section).toBe(fresh.items.at(-1)?.section);
  });

  it('gives a possible hiring manager a plan of their needs beside my skills', async () => {
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Hiring Manager' } });
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'hiring_manager', participantIds: [p.id] },
    });
    const plan = await proposeConversationPlan({
      ...t.ctx,
      conversationId: c.id,
      mySkills: ['SQL', 'Teaching'],
    });
    const sections = [...new Set(plan.items.map((i) => i.section))];
    expect(sections).toEqual(['rapport', 'their_needs', 'my_fit', 'next_steps']);
    expect(
      plan.items
        .filter((i) => i.section === 'my_fit')
        .map((i) => i.text)
        .join(' '),
    ).toContain('SQL');
  });
});

const WHO_ELSE = /^Who else would you suggest I speak with/;
const NEXT_STEP = /what would you suggest as my next step\?$/;
const bankByText = new Map(QUESTION_BANK.map((q) => [q.text, q]));

async function conversationOf(type: ConversationType, durationMinutes: number) {
  const p = await createPerson({ ...t.ctx, input: { fullName: `Met for ${type} ${durationMinutes}` } });
  const c = await createConversation({ ...t.ctx, input: { type, participantIds: [p.id] } });
  await scheduleMeeting({
    ...t.ctx,
    conversationId: c.id,
    input: { startsAt: new Date('2026-12-02T15:00:00Z'), timeZone: 'UTC', medium: 'video', durationMinutes },
  });
  return c;
}

describe('proposed plans end on a plan of action', () => {
  it.each([20, 30, 45])(
    'a %i-minute plan of every kind asks who else and what next at the end, spans three TIARA topics, and leaves time to spare',
    async (duration) => {
      for (const type of CONVERSATION_TYPES) {
        const c = await conversationOf(type, duration);
        const plan = await proposeConversationPlan({ ...t.ctx, conversationId: c.id, mySkills: ['SQL'] });
        const label = `${type} ${duration}`;
        expect(plan.items.at(-1)?.section, label).toBe('next_steps');
        const lastThree = plan.items.slice(-3).map((i) => i.text);
        expect(
          lastThree.some((text) => WHO_ELSE.test(text)),
          label,
        ).toBe(true);
        expect(
          lastThree.some((text) => NEXT_STEP.test(text)),
          label,
        ).toBe(true);
        const topics = new Set(
          plan.items.filter((i) => i.section !== 'next_steps').map((i) => bankByText.get(i.text)?.topic),
        );
        expect(TIARA_TOPICS.filter((topic) => topics.has(topic)).length, label).toBeGreaterThanOrEqual(3);
        expect(plan.durationMinutes - plan.totalMinutes, label).toBeGreaterThanOrEqual(2);
        // Each question keeps the time its answer typically takes, as the bank sets it.
        for (const item of plan.items.filter((i) => i.section !== 'rapport' && i.section !== 'next_steps')) {
          const known = bankByText.get(item.text);
          if (known) expect(item.minutes, `${label}: ${item.text}`).toBe(known.minutes);
        }
        // What is stored is what was proposed, in the same order.
        const stored = await getPlan({ ...t.ctx, conversationId: c.id });
        expect(stored.items.map((i) => i.text)).toEqual(plan.items.map((i) => i.text));
      }
    },
  );

  it('still asks who else when the user retired that question, in the built-in words', async () => {
    const c = await conversationOf('explore_career', 30);
    const whoElse = (await listQuestions({ ...t.ctx, topic: 'closing' })).find((q) => WHO_ELSE.test(q.text))!;
    await updateQuestion({ ...t.ctx, id: whoElse.id, input: { retired: true } });
    try {
      const plan = await proposeConversationPlan({ ...t.ctx, conversationId: c.id });
      const ask = plan.items.find((i) => WHO_ELSE.test(i.text));
      expect(ask).toMatchObject({ section: 'next_steps', questionId: null });
    } finally {
      await updateQuestion({ ...t.ctx, id: whoElse.id, input: { retired: false } });
    }
  });
});
