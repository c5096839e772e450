import { CAREER_QUESTIONS } from './question-bank-career.js';
import { COMPANY_QUESTIONS } from './question-bank-company.js';
import { TIARA_QUESTIONS } from './question-bank-tiara.js';
import type { ConversationType } from './vocab.js';

/**
 * The built-in question bank (method.md section 6). Topics are Dalton's TIARA — trends, insights,
 * advice, resources, assignments — plus the career-center groups: the person's path, the work
 * itself, getting in and moving up, the industry, culture, hiring and closing questions. Each
 * question is tagged with the conversation goals it serves, so a plan can pick questions by goal.
 *
 * The questions live in three data files by topic group; this file holds the vocabulary and puts
 * the bank together. Every text is our own wording, and none is one a web search would answer
 * (question-bank.test.ts checks this with `searchableReason`).
 */

export const TIARA_TOPICS = ['trends', 'insights', 'advice', 'resources', 'assignments'] as const;
export const CAREER_TOPICS = [
  'path',
  'the_work',
  'getting_in',
  'industry',
  'culture',
  'hiring_process',
  'closing',
] as const;
export const QUESTION_TOPICS = [...TIARA_TOPICS, ...CAREER_TOPICS] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

export const QUESTION_TOPIC_LABELS: Record<QuestionTopic, string> = {
  trends: 'Trends',
  insights: 'Insights',
  advice: 'Advice',
  resources: 'Resources',
  assignments: 'Assignments',
  path: 'Their path',
  the_work: 'The work itself',
  getting_in: 'Getting in and moving up',
  industry: 'Industry and outlook',
  culture: 'Culture and organization',
  hiring_process: 'Hiring process',
  closing: 'Closing',
};

/** One built-in question. */
export interface BankQuestion {
  /** Stable slug: services seed the database from it, so it must never change once shipped. */
  key: string;
  text: string;
  topic: QuestionTopic;
  /** The conversation goals this question helps with. */
  goals: readonly ConversationType[];
  /** Typical minutes the answer takes, 2–5; plans add these up. */
  minutes: number;
}

/** All built-in questions, grouped by topic in QUESTION_TOPICS order within each data file. */
export const QUESTION_BANK: readonly BankQuestion[] = [
  ...TIARA_QUESTIONS,
  ...CAREER_QUESTIONS,
  ...COMPANY_QUESTIONS,
];

const TOPIC_SET: ReadonlySet<string> = new Set(QUESTION_TOPICS);

/** True when `value` is one of the question topics (for input read from a form or a file). */
export function isQuestionTopic(value: string): value is QuestionTopic {
  return TOPIC_SET.has(value);
}

/** The built-in questions that serve `goal`, in bank order. */
export function bankQuestionsFor(goal: ConversationType): BankQuestion[] {
  return QUESTION_BANK.filter((q) => q.goals.includes(goal));
}
