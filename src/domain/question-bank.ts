import { CAREER_QUESTIONS } from './question-bank-career.js';
import { COMPANY_QUESTIONS } from './question-bank-company.js';
import { TIARA_QUESTIONS } from './question-bank-tiara.js';
import { type BankQuestion, QUESTION_TOPICS, type QuestionTopic } from './question-topics.js';
import type { ConversationType } from './vocab.js';

/**
 * The built-in question bank (method.md section 6). Topics are Dalton's TIARA — trends, insights,
 * advice, resources, assignments — plus the career-center groups: the person's path, the work
 * itself, getting in and moving up, the industry, culture, hiring and closing questions. Each
 * question is tagged with the conversation goals it serves, so a plan can pick questions by goal.
 *
 * The questions live in three data files by topic group and their vocabulary in question-topics.ts;
 * this file puts the bank together (and re-exports the vocabulary for its callers). Every text is our own wording, and none is one a web search would answer
 * (question-bank.test.ts checks this with `searchableReason`).
 */

export {
  type BankQuestion,
  CAREER_TOPICS,
  QUESTION_TOPIC_LABELS,
  QUESTION_TOPICS,
  type QuestionTopic,
  TIARA_TOPICS,
} from './question-topics.js';

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
