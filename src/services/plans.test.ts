import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { createConversation } from './conversations.js';
import { scheduleMeeting } from './meetings.js';
import { createPerson } from './people.js';
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
