import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  PLAN_SECTION_LABELS,
  type PlanItem,
  type PlanQuestion,
  type PlanSection,
  planShape,
  proposePlan,
  retime,
} from './plan.js';
import { QUESTION_BANK, type QuestionTopic, TIARA_TOPICS } from './question-bank.js';
import { CONVERSATION_TYPES, type ConversationType } from './vocab.js';

const bank: PlanQuestion[] = QUESTION_BANK.map((q) => ({
  id: q.key,
  key: q.key,
  text: q.text,
  topic: q.topic,
  goals: q.goals,
  minutes: q.minutes,
}));
const topicOf = new Map(bank.map((q) => [q.id, q.topic]));

function plan(
  type: ConversationType,
  durationMinutes: number,
  extra: Partial<Parameters<typeof proposePlan>[0]> = {},
) {
  return proposePlan({ type, goals: [], durationMinutes, questions: bank, ...extra });
}

function q(id: string, topic: QuestionTopic, goals: string[], minutes?: number): PlanQuestion {
  return { id, text: `Question ${id}?`, topic, goals, ...(minutes === undefined ? {} : { minutes }) };
}

const sum = (items: readonly PlanItem[]) => items.reduce((n, i) => n + i.minutes, 0);
const inSection = (items: readonly PlanItem[], section: PlanSection) =>
  items.filter((i) => i.section === section);

describe('planShape', () => {
  it('uses rapport, questions and next steps for the ordinary goals', () => {
    for (const type of [
      'explore_career',
      'learn_company',
      'learn_role',
      'career_switch',
      'resume_critique',
    ] as const) {
      expect(planShape(type)).toEqual(['rapport', 'questions', 'next_steps']);
    }
  });

  it('explores needs and fit with a possible hiring manager, and asks for feedback after a rejection', () => {
    expect(planShape('hiring_manager')).toEqual(['rapport', 'their_needs', 'my_fit', 'next_steps']);
    expect(planShape('rejection_feedback')).toEqual(['rapport', 'feedback', 'next_steps']);
  });

  it('has a label for every section', () => {
    for (const section of Object.keys(PLAN_SECTION_LABELS)) {
      expect(PLAN_SECTION_LABELS[section as PlanSection]).toBeTruthy();
    }
  });
});

describe('proposePlan', () => {
  it.each([20, 30, 45])('fits a %i-minute meeting for every type', (duration) => {
    for (const type of CONVERSATION_TYPES) {
      const p = plan(type, duration, { mySkills: ['SQL'] });
      expect(p.totalMinutes, type).toBe(sum(p.items));
      expect(p.totalMinutes, type).toBeLessThanOrEqual(duration);
      expect(p.unusedMinutes, type).toBe(duration - p.totalMinutes);
      // A little is left over on purpose (about 10%), and not much more: a short question's worth.
      const slack = Math.max(2, Math.round(duration * 0.1));
      expect(p.unusedMinutes, type).toBeGreaterThanOrEqual(slack);
      expect(p.unusedMinutes, type).toBeLessThanOrEqual(slack + 3);
      for (const item of p.items) expect(item.minutes, type).toBeGreaterThanOrEqual(1);
    }
  });

  it('lists sections and items in shape order', () => {
    for (const type of CONVERSATION_TYPES) {
      const p = plan(type, 30, { mySkills: ['SQL'] });
      const shape = planShape(type);
      expect(p.sections.map((s) => s.section)).toEqual(shape);
      const order = p.items.map((i) => shape.indexOf(i.section));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const s of p.sections) expect(s.minutes).toBe(sum(inSection(p.items, s.section)));
    }
  });

  it('opens with a warm-up of about 10–15% of the time, 2 minutes at least', () => {
    expect(inSection(plan('learn_role', 20).items, 'rapport')).toEqual([
      expect.objectContaining({ questionId: null, minutes: 2 }),
    ]);
    expect(plan('learn_role', 30).sections[0]).toEqual({ section: 'rapport', minutes: 4 });
    expect(plan('learn_role', 45).sections[0]).toEqual({ section: 'rapport', minutes: 5 });
    expect(plan('learn_role', 10).sections[0]).toEqual({ section: 'rapport', minutes: 2 });
    expect(plan('learn_role', 30).items[0]?.text).toMatch(/what you hope to learn/);
  });

  it('closes with who else, what next and keeping in touch, even in 20 minutes', () => {
    for (const duration of [20, 30, 45]) {
      const next = inSection(plan('explore_career', duration).items, 'next_steps');
      expect(next.slice(-3).map((i) => i.questionId)).toEqual([
        'closing-who-else',
        'closing-next-step',
        'closing-keep-in-touch',
      ]);
    }
    expect(plan('explore_career', 20).sections.at(-1)).toEqual({ section: 'next_steps', minutes: 3 });
    expect(plan('explore_career', 30).sections.at(-1)).toEqual({ section: 'next_steps', minutes: 5 });
  });

  it('adds further closing questions only when they fit in full', () => {
    const next = inSection(plan('explore_career', 60).items, 'next_steps');
    expect(next.map((i) => i.minutes)).toEqual([2, 2, 2, 2]);
    // Asked before the plan of action, which stays at the very end.
    expect(next.map((i) => i.questionId)).toEqual([
      'closing-anything-missed',
      'closing-who-else',
      'closing-next-step',
      'closing-keep-in-touch',
    ]);
  });

  it.each([20, 25, 30, 45, 60, 90])(
    'ends every %i-minute plan on who else and what next, covers three TIARA topics, and keeps slack',
    (duration) => {
      for (const type of CONVERSATION_TYPES) {
        for (const goals of [[], CONVERSATION_TYPES.filter((g) => g !== type).slice(0, 2)]) {
          const label = `${type}+${goals.join('+')} ${duration}`;
          const p = plan(type, duration, { goals });
          const ids = p.items.map((i) => i.questionId);
          const last = ids.slice(-3);
          expect(p.items.at(-1)?.section, label).toBe('next_steps');
          expect(last, label).toContain('closing-who-else');
          expect(last, label).toContain('closing-next-step');
          const tiara = new Set(
            p.items
              .filter((i) => i.section !== 'next_steps')
              .map((i) => topicOf.get(i.questionId ?? ''))
              .filter((t) => t && (TIARA_TOPICS as readonly string[]).includes(t)),
          );
          expect(tiara.size, label).toBeGreaterThanOrEqual(3);
          expect(p.unusedMinutes, label).toBeGreaterThanOrEqual(2);
        }
      }
    },
  );

  it('asks who else and what next in the built-in words when the bank given has neither', () => {
    const questions = bank.filter((b) => b.id !== 'closing-who-else' && b.id !== 'closing-next-step');
    const next = inSection(plan('learn_role', 30, { questions }).items, 'next_steps');
    expect(next.map((i) => i.questionId)).toEqual([null, null, 'closing-keep-in-touch']);
    expect(next[0]?.text).toMatch(/^Who else would you suggest I speak with/);
    expect(next[1]?.text).toMatch(/my next step\?$/);
  });

  it('asks from three TIARA topics first, taking the question that serves more goals', () => {
    const questions = [
      q('t', 'trends', ['learn_role'], 2),
      q('t2', 'trends', ['learn_role', 'explore_career'], 2),
      q('i', 'insights', ['learn_role'], 2),
      q('a', 'advice', ['learn_role'], 2),
      q('w', 'the_work', ['learn_role', 'explore_career'], 2),
    ];
    const p = proposePlan({ type: 'learn_role', goals: ['explore_career'], durationMinutes: 20, questions });
    // 20 minutes: 2 warm-up, 3 closing (stand-ins), 2 slack: 13 for questions, so all five fit,
    // and the three TIARA topics are asked first.
    expect(
      inSection(p.items, 'questions')
        .map((i) => i.questionId)
        .slice(0, 3),
    ).toEqual(['t2', 'i', 'a']);
  });

  it('fills the middle with questions that serve the goals, and none twice', () => {
    const p = plan('learn_company', 30, { goals: ['learn_role'] });
    const middle = inSection(p.items, 'questions');
    expect(middle.length).toBeGreaterThanOrEqual(5);
    for (const item of middle) {
      const goals = bank.find((b) => b.id === item.questionId)?.goals ?? [];
      expect(
        goals.some((g) => g === 'learn_company' || g === 'learn_role'),
        item.questionId ?? '',
      ).toBe(true);
    }
    const ids = p.items.map((i) => i.questionId).filter((id) => id !== null);
    expect(new Set(ids).size).toBe(ids.length);
    expect(middle.every((i) => topicOf.get(i.questionId ?? '') !== 'closing')).toBe(true);
  });

  it('spreads the middle across topics instead of taking one topic in a row', () => {
    for (const type of CONVERSATION_TYPES) {
      const p = plan(type, 45, { mySkills: ['SQL'] });
      const topics = p.items
        .filter((i) => i.section !== 'next_steps' && i.questionId)
        .map((i) => topicOf.get(i.questionId ?? ''));
      for (let i = 2; i < topics.length; i++) {
        expect(topics[i] === topics[i - 1] && topics[i] === topics[i - 2], `${type} at ${i}`).toBe(false);
      }
      expect(new Set(topics).size, type).toBeGreaterThanOrEqual(3);
    }
  });

  it('prefers questions that serve more of the goals', () => {
    const questions = [
      q('one-a', 'trends', ['learn_role']),
      q('one-b', 'insights', ['learn_role']),
      q('both', 'advice', ['learn_role', 'career_switch']),
    ];
    // 14 minutes: 2 warm-up, 2 closing, 2 slack, and room for two of the three questions.
    const p = proposePlan({ type: 'learn_role', goals: ['career_switch'], durationMinutes: 14, questions });
    expect(inSection(p.items, 'questions').map((i) => i.questionId)).toEqual(['both', 'one-a']);
  });

  it('prefers a question written for the goal over a general one', () => {
    const questions = [
      q('general', 'trends', ['learn_role', 'explore_career', 'learn_company']),
      q('focused', 'insights', ['learn_role']),
    ];
    const p = proposePlan({ type: 'learn_role', goals: [], durationMinutes: 10, questions });
    expect(inSection(p.items, 'questions').map((i) => i.questionId)).toEqual(['focused']);
  });

  it('leaves out questions for other goals', () => {
    const questions = [q('mine', 'trends', ['learn_role']), q('other', 'trends', ['resume_critique'])];
    const p = proposePlan({ type: 'learn_role', goals: [], durationMinutes: 30, questions });
    // The warm-up, the one question for the goal, and the two closing questions every plan has.
    expect(p.items.map((i) => i.questionId)).toEqual([null, 'mine', null, null]);
  });

  it('treats an empty goal list as the conversation type, and always counts the type', () => {
    const same = plan('career_switch', 30);
    expect(plan('career_switch', 30, { goals: ['career_switch'] })).toEqual(same);
    const withOther = plan('career_switch', 30, { goals: ['learn_company'] });
    expect(withOther).not.toEqual(same);
    expect(
      inSection(withOther.items, 'questions').some((i) =>
        bank.find((b) => b.id === i.questionId)?.goals.includes('career_switch'),
      ),
    ).toBe(true);
  });

  it('skips a question too long for the time left and takes a shorter one', () => {
    const questions = [
      q('long', 'trends', ['learn_role'], 5),
      q('short', 'insights', ['learn_role'], 2),
      q('mid', 'advice', ['learn_role'], 4),
    ];
    const p = proposePlan({ type: 'learn_role', goals: [], durationMinutes: 14, questions });
    // 14 minutes: 2 warm-up, 2 closing, 2 slack, 8 for questions: 'long' (5), then only 'short' (2).
    expect(inSection(p.items, 'questions').map((i) => i.questionId)).toEqual(['long', 'short']);
    expect(p.unusedMinutes).toBe(3);
  });

  it('gives a question without a time the default of 3 minutes', () => {
    const p = proposePlan({
      type: 'learn_role',
      goals: [],
      durationMinutes: 10,
      questions: [q('x', 'trends', ['learn_role'])],
    });
    expect(inSection(p.items, 'questions')[0]?.minutes).toBe(3);
  });

  it('uses the first copy of a question listed twice', () => {
    const p = proposePlan({
      type: 'learn_role',
      goals: [],
      durationMinutes: 30,
      questions: [q('x', 'trends', ['learn_role']), q('x', 'advice', ['learn_role'])],
    });
    expect(p.items.filter((i) => i.questionId === 'x')).toHaveLength(1);
  });

  it('builds a feedback conversation from rejection questions', () => {
    const p = plan('rejection_feedback', 30);
    expect(p.sections.map((s) => s.section)).toEqual(['rapport', 'feedback', 'next_steps']);
    const feedback = inSection(p.items, 'feedback');
    expect(feedback.length).toBeGreaterThanOrEqual(4);
    for (const item of feedback) {
      expect(bank.find((b) => b.id === item.questionId)?.goals).toContain('rejection_feedback');
    }
    expect(feedback.map((i) => i.questionId)).toContain('in-missing-qualifications');
    expect(feedback.map((i) => i.questionId)).toContain('advice-stronger-next-time');
    expect(p.items[0]?.text).toMatch(/not here to revisit the decision/);
  });

  it('maps a hiring manager’s needs to the user’s skills', () => {
    const p = plan('hiring_manager', 30, { mySkills: ['SQL', ' sql ', 'Stakeholder  management', ''] });
    const needs = inSection(p.items, 'their_needs');
    expect(needs.length).toBeGreaterThanOrEqual(3);
    for (const item of needs)
      expect(bank.find((b) => b.id === item.questionId)?.goals).toContain('hiring_manager');
    expect(needs.map((i) => i.questionId)).toContain('assignments-team-needs');
    const fit = inSection(p.items, 'my_fit');
    expect(fit.map((i) => i.text)).toEqual([
      expect.stringMatching(/^Their need ↔ my skill: SQL — evidence: /),
      expect.stringMatching(/^Their need ↔ my skill: Stakeholder management — evidence: /),
    ]);
    expect(fit.every((i) => i.questionId === null && i.minutes === 2)).toBe(true);
  });

  it('keeps to the time with many skills, and uses a general fit line without any', () => {
    const many = plan('hiring_manager', 20, { mySkills: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] });
    expect(inSection(many.items, 'my_fit').length).toBeLessThan(8);
    expect(many.totalMinutes).toBeLessThanOrEqual(20);
    const none = plan('hiring_manager', 30);
    expect(inSection(none.items, 'my_fit')).toEqual([
      expect.objectContaining({ questionId: null, text: expect.stringMatching(/^Their need ↔ my skill: /) }),
    ]);
  });

  it('works with no questions at all', () => {
    const p = proposePlan({ type: 'explore_career', goals: [], durationMinutes: 30, questions: [] });
    // The warm-up, and who else and what next in the built-in words.
    expect(p.items.map((i) => i.section)).toEqual(['rapport', 'next_steps', 'next_steps']);
    expect(p.unusedMinutes).toBe(30 - 4 - 4);
  });

  it('never exceeds even a very short meeting', () => {
    for (const duration of [1, 2, 3, 5, 7]) {
      for (const type of CONVERSATION_TYPES) {
        expect(plan(type, duration, { mySkills: ['SQL'] }).totalMinutes).toBeLessThanOrEqual(duration);
      }
    }
  });

  it('is deterministic and leaves its input alone', () => {
    const copy = structuredClone(bank);
    const first = plan('learn_company', 45, { goals: ['career_switch', 'learn_role'] });
    expect(plan('learn_company', 45, { goals: ['career_switch', 'learn_role'] })).toEqual(first);
    expect(bank).toEqual(copy);
  });

  it('rejects impossible durations and question times', () => {
    expect(() => plan('learn_role', 0)).toThrow(AppError);
    expect(() => plan('learn_role', 12.5)).toThrow(/durationMinutes/);
    expect(() => plan('learn_role', 24 * 60)).toThrow(/durationMinutes/);
    expect(() =>
      proposePlan({
        type: 'learn_role',
        goals: [],
        durationMinutes: 30,
        questions: [q('x', 'trends', [], 0)],
      }),
    ).toThrow(/questions\.0\.minutes/);
  });
});

describe('what a focused conversation is for', () => {
  it('asks after a rejection which qualifications were missing first, from a 10-minute call to a long one', () => {
    for (const minutes of [10, 15, 20, 30, 45]) {
      const feedback = inSection(plan('rejection_feedback', minutes).items, 'feedback');
      expect(feedback[0]?.questionId, `${minutes} minutes`).toBe('in-missing-qualifications');
    }
  });

  it('still covers three TIARA topics beside it once the call is 20 minutes or more', () => {
    for (const minutes of [20, 30, 45]) {
      const topics = new Set(
        plan('rejection_feedback', minutes)
          .items.map((i) => topicOf.get(i.questionId ?? ''))
          .filter((t): t is QuestionTopic => !!t && (TIARA_TOPICS as readonly string[]).includes(t)),
      );
      expect(topics.size, `${minutes} minutes`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('retime', () => {
  const items: PlanItem[] = [
    { section: 'rapport', questionId: null, text: 'Warm-up', minutes: 3 },
    { section: 'questions', questionId: 'a', text: 'A?', minutes: 10 },
    { section: 'next_steps', questionId: 'b', text: 'B?', minutes: 5 },
  ];

  it('adds up an agenda that fits', () => {
    expect(retime(items, 20)).toEqual({ items, totalMinutes: 18, overBy: 0 });
    expect(retime(items, 18).overBy).toBe(0);
  });

  it('reports by how much an edited agenda runs over', () => {
    const edited = [items[2]!, { ...items[1]!, minutes: 15 }, items[0]!];
    expect(retime(edited, 20)).toEqual({ items: edited, totalMinutes: 23, overBy: 3 });
  });

  it('keeps the user’s order and returns copies', () => {
    const result = retime(items, 30);
    expect(result.items.map((i) => i.questionId)).toEqual([null, 'a', 'b']);
    expect(result.items[0]).not.toBe(items[0]);
  });

  it('accepts an empty agenda and zero-minute lines, but not negative or fractional ones', () => {
    expect(retime([], 30)).toEqual({ items: [], totalMinutes: 0, overBy: 0 });
    expect(retime([{ ...items[0]!, minutes: 0 }], 30).totalMinutes).toBe(0);
    expect(() => retime([{ ...items[0]!, minutes: -1 }], 30)).toThrow(/items\.0\.minutes/);
    expect(() => retime([{ ...items[0]!, minutes: 1.5 }], 30)).toThrow(AppError);
    expect(() => retime(items, 0)).toThrow(/durationMinutes/);
  });
});
