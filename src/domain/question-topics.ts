import type { ConversationType } from './vocab.js';

/**
 * The question bank's vocabulary: its topics, their labels and the shape of one question. It lives
 * apart from question-bank.ts so the three data files and the bank that gathers them both take it
 * from here, with no import running in a circle.
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
