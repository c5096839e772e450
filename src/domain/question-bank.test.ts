import { describe, expect, it } from 'vitest';
import {
  type BankQuestion,
  bankQuestionsFor,
  CAREER_TOPICS,
  isQuestionTopic,
  QUESTION_BANK,
  QUESTION_TOPIC_LABELS,
  QUESTION_TOPICS,
  TIARA_TOPICS,
} from './question-bank.js';
import { checkRequest } from './request-checker.js';
import { searchableReason } from './searchable.js';
import { CONVERSATION_TYPES } from './vocab.js';

const byTopic = (topic: string) => QUESTION_BANK.filter((q) => q.topic === topic);
const texts = (qs: readonly BankQuestion[]) => qs.map((q) => q.text.toLowerCase()).join('\n');

describe('question topics', () => {
  it('are the five TIARA topics followed by the career-center groups', () => {
    expect(QUESTION_TOPICS).toEqual([...TIARA_TOPICS, ...CAREER_TOPICS]);
    expect(TIARA_TOPICS).toEqual(['trends', 'insights', 'advice', 'resources', 'assignments']);
  });

  it('each have a label', () => {
    for (const topic of QUESTION_TOPICS) expect(QUESTION_TOPIC_LABELS[topic]).toBeTruthy();
    expect(Object.keys(QUESTION_TOPIC_LABELS)).toHaveLength(QUESTION_TOPICS.length);
  });

  it('can be recognised in untrusted input', () => {
    expect(isQuestionTopic('closing')).toBe(true);
    expect(isQuestionTopic('Closing')).toBe(false);
    expect(isQuestionTopic('toString')).toBe(false);
  });
});

describe('QUESTION_BANK', () => {
  it('holds at least 90 questions', () => {
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(90);
  });

  it('has unique keys and unique texts', () => {
    expect(new Set(QUESTION_BANK.map((q) => q.key)).size).toBe(QUESTION_BANK.length);
    const normalized = QUESTION_BANK.map((q) => q.text.toLowerCase().replace(/\W+/g, ' ').trim());
    expect(new Set(normalized).size).toBe(QUESTION_BANK.length);
  });

  it('uses slug keys', () => {
    for (const q of QUESTION_BANK) expect(q.key).toMatch(/^[a-z]+(?:-[a-z0-9]+)+$/);
  });

  it('gives every topic at least 4 questions', () => {
    for (const topic of QUESTION_TOPICS) expect(byTopic(topic).length, topic).toBeGreaterThanOrEqual(4);
  });

  it('gives every goal at least 8 questions', () => {
    for (const goal of CONVERSATION_TYPES) {
      expect(bankQuestionsFor(goal).length, goal).toBeGreaterThanOrEqual(8);
    }
  });

  it('tags each question with known topics and goals, without repeats', () => {
    const goals = new Set<string>(CONVERSATION_TYPES);
    for (const q of QUESTION_BANK) {
      expect(isQuestionTopic(q.topic), q.key).toBe(true);
      expect(q.goals.length, q.key).toBeGreaterThan(0);
      expect(new Set(q.goals).size, q.key).toBe(q.goals.length);
      for (const g of q.goals) expect(goals.has(g), `${q.key}: ${g}`).toBe(true);
    }
  });

  it('gives each question a typical time of 2 to 5 whole minutes', () => {
    for (const q of QUESTION_BANK) {
      expect(Number.isInteger(q.minutes), q.key).toBe(true);
      expect(q.minutes, q.key).toBeGreaterThanOrEqual(2);
      expect(q.minutes, q.key).toBeLessThanOrEqual(5);
    }
  });

  it('phrases every entry as one tidy question', () => {
    for (const q of QUESTION_BANK) {
      expect(q.text, q.key).toMatch(/^[A-Z][^?]*\?$/);
      expect(q.text, q.key).toBe(q.text.trim().replace(/\s+/g, ' '));
    }
  });

  it('contains no question a web search would answer', () => {
    const searchable = QUESTION_BANK.filter((q) => searchableReason(q.text) !== null).map((q) => q.key);
    expect(searchable).toEqual([]);
  });

  it('never asks for a job', () => {
    const asks = QUESTION_BANK.filter((q) =>
      checkRequest(q.text).findings.some((f) => f.rule === 'job_ask'),
    ).map((q) => q.key);
    expect(asks).toEqual([]);
  });

  it('ends every kind of conversation with who else, what next, and keeping in touch', () => {
    const closing = byTopic('closing');
    for (const goal of CONVERSATION_TYPES) {
      const forGoal = closing.filter((q) => q.goals.includes(goal));
      const words = texts(forGoal);
      expect(words, goal).toMatch(/who else/);
      expect(words, goal).toMatch(/next step/);
      expect(words, goal).toMatch(/stay in touch.*how often.*e-mail or a call/);
    }
    // The plan keeps the first three closing questions even in short meetings, so order matters.
    expect(closing.slice(0, 3).map((q) => q.key)).toEqual([
      'closing-who-else',
      'closing-next-step',
      'closing-keep-in-touch',
    ]);
  });

  it('asks after a rejection about missing qualifications and doing better next time', () => {
    const words = texts(bankQuestionsFor('rejection_feedback'));
    expect(words).toMatch(/qualifications/);
    expect(words).toMatch(/stronger candidate/);
    expect(words).toMatch(/interview/);
  });

  it('has resume critique questions about the resume itself', () => {
    const resume = bankQuestionsFor('resume_critique').filter((q) => /resume|portfolio/i.test(q.text));
    expect(resume.length).toBeGreaterThanOrEqual(5);
  });

  it('explores a possible hiring manager’s needs, problems and first months', () => {
    const words = texts(bankQuestionsFor('hiring_manager'));
    expect(words).toMatch(/team need/);
    expect(words).toMatch(/problems/);
    expect(words).toMatch(/first three months/);
  });

  it('is grouped by topic, in topic order within each data file', () => {
    // Topic groups are contiguous, so the bank reads like a list with headings.
    const order = QUESTION_BANK.map((q) => q.topic).filter((t, i, all) => i === 0 || all[i - 1] !== t);
    expect(order).toEqual([...QUESTION_TOPICS]);
  });
});
