import { addBusinessDays, type BusinessCalendar, localDate } from './business-days.js';
import { invalidField } from './errors.js';

/**
 * The 3B7 rule (method.md section 4): when a request gets no answer, try a second person at the
 * same employer after 3 business days, and nudge the first person once after 7.
 */

/** What is known about one sent request. */
export interface RequestFacts {
  conversationId: string;
  requestedAt: Date;
  /** Any reply, yes or no: after it there is nothing to chase. */
  replyAt: Date | null;
  followUpSentAt: Date | null;
  secondContactAt: Date | null;
}

/** Business days to wait before each step. */
export interface FollowUpRules {
  secondContactAfter: number;
  followUpAfter: number;
}

export const DEFAULT_FOLLOW_UP_RULES: FollowUpRules = { secondContactAfter: 3, followUpAfter: 7 };

/** One thing the user should do about an unanswered request, and when. */
export interface FollowUpItem {
  kind: 'second_contact' | 'follow_up';
  conversationId: string;
  /** Local date in the calendar's zone on which the step becomes due. */
  dueDate: string;
  /** Stable key, so a caller can store a reminder once and recognize it later. */
  ruleKey: string;
  message: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function checkRules(rules: FollowUpRules): void {
  for (const key of ['secondContactAfter', 'followUpAfter'] as const) {
    if (!Number.isSafeInteger(rules[key]) || rules[key] < 0) {
      throw invalidField(key, 'must be a whole number of business days, 0 or more.');
    }
  }
}

/**
 * The follow-up steps still open for a request, each with its due date. Items are returned
 * whether or not they are due yet — the caller compares `dueDate` with today — so this stays free
 * of any clock. Days are counted from the local date the request was sent in `cal.timeZone`.
 */
export function followUpItems(
  facts: RequestFacts,
  cal: BusinessCalendar,
  rules: FollowUpRules = DEFAULT_FOLLOW_UP_RULES,
): FollowUpItem[] {
  checkRules(rules);
  // Any reply ends the chase, even a late one after the follow-up: the next step is scheduling.
  if (facts.replyAt) return [];

  const sentOn = localDate(facts.requestedAt, cal.timeZone);
  const items: FollowUpItem[] = [];

  if (!facts.secondContactAt) {
    items.push({
      kind: 'second_contact',
      conversationId: facts.conversationId,
      dueDate: addBusinessDays(sentOn, rules.secondContactAfter, cal),
      ruleKey: `second_contact:${facts.conversationId}`,
      message: `No answer after ${plural(rules.secondContactAfter, 'business day')}: write to a second person at the same organization. Busy people often reply late, so keep the first request open too.`,
    });
  }

  // One follow-up only: once it is sent, more nudges would feel like pressure, so nothing is suggested.
  if (!facts.followUpSentAt) {
    items.push({
      kind: 'follow_up',
      conversationId: facts.conversationId,
      dueDate: addBusinessDays(sentOn, rules.followUpAfter, cal),
      ruleKey: `follow_up:${facts.conversationId}`,
      message: `Still no answer after ${plural(rules.followUpAfter, 'business day')}: send one short, friendly follow-up to the first person. It is the only one — if they stay quiet after that, let this request rest.`,
    });
  }

  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
