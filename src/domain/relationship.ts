import { addCalendarDays, type BusinessCalendar, businessDaysBetween } from './business-days.js';
import { invalidField } from './errors.js';
import type { KeepInTouch } from './vocab.js';

/**
 * How warm a relationship is, and how a person tends to answer requests (method.md sections 2
 * and 4). Both feed the network view: a warm contact is the best first step of a path to a
 * target, and someone who answers fast is the best person to ask next.
 */

const DAY_MS = 86_400_000;

/** What the interaction log says about one person. */
export interface InteractionFacts {
  lastInteractionAt: Date | null;
  interactions90d: number;
  interactionsTotal: number;
  keepInTouch: KeepInTouch;
}

/**
 * Weights of the parts of the strength; they sum to 1 so the result stays within 0..1.
 * Recency leads because a contact who heard from you last month will answer more readily than one
 * you talked to often years ago.
 */
const WEIGHT_RECENCY = 0.45;
const WEIGHT_RECENT_FREQUENCY = 0.25;
const WEIGHT_TOTAL_FREQUENCY = 0.15;
const BONUS_KEEP_IN_TOUCH = 0.15;

/** Recency falls to e^-3 ≈ 5 % after 180 days: half a year of silence leaves little warmth. */
const RECENCY_TIME_CONSTANT_DAYS = 60;
/** Three contacts in 90 days already count as a lot (≈ 63 %); more add less and less. */
const RECENT_SATURATION = 3;
/** Ten contacts over the whole history count as a long acquaintance (≈ 63 %). */
const TOTAL_SATURATION = 10;

function checkCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw invalidField(field, 'must be a whole number, 0 or more.');
}

function timeOf(date: Date, field: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw invalidField(field, 'is not a valid date and time.');
  return t;
}

/** 1 - e^(-n/k): grows fast at first, then flattens out below 1. */
function saturate(n: number, k: number): number {
  return 1 - Math.exp(-n / k);
}

/**
 * A 0..1 score of how warm the relationship is as of `now`: recency of the last interaction
 * (fading over about 180 days), how often you were in touch in the last 90 days and overall (both
 * with diminishing returns), and a bonus when they said you may keep in touch. Someone never
 * contacted — no last interaction on file — scores 0 whatever else is recorded.
 */
export function relationshipStrength(f: InteractionFacts, now: Date): number {
  checkCount(f.interactions90d, 'interactions90d');
  checkCount(f.interactionsTotal, 'interactionsTotal');
  const nowMs = timeOf(now, 'now');
  if (f.lastInteractionAt === null) return 0;
  // A last interaction "in the future" is clock skew between devices; it counts as just now.
  const ageDays = Math.max(0, (nowMs - timeOf(f.lastInteractionAt, 'lastInteractionAt')) / DAY_MS);

  const score =
    WEIGHT_RECENCY * Math.exp(-ageDays / RECENCY_TIME_CONSTANT_DAYS) +
    WEIGHT_RECENT_FREQUENCY * saturate(f.interactions90d, RECENT_SATURATION) +
    WEIGHT_TOTAL_FREQUENCY * saturate(f.interactionsTotal, TOTAL_SATURATION) +
    (f.keepInTouch === 'yes' ? BONUS_KEEP_IN_TOUCH : 0);
  return Math.min(1, Math.max(0, score));
}

/**
 * How someone has answered requests: fast and helpful, late, not at all, or too little history
 * to tell (Dalton's boosters, obligates and curmudgeons, under our own names).
 */
export type ReplyBehaviour = 'fast_helper' | 'slow' | 'never' | 'unknown';

export const REPLY_BEHAVIOUR_LABELS: Record<ReplyBehaviour, string> = {
  fast_helper: 'Quick to help',
  slow: 'Takes a while to answer',
  never: 'No answer so far',
  unknown: 'Not enough history yet',
};

/** A reply within this many business days is fast (the same count as 3B7's first step). */
export const DEFAULT_FAST_WITHIN_BUSINESS_DAYS = 3;
/** A request unanswered for two working weeks counts as not answered. */
export const DEFAULT_GIVE_UP_AFTER_BUSINESS_DAYS = 10;

function checkDays(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0) throw invalidField(field, 'must be a number of days, 0 or more.');
}

/**
 * Labels a person from the requests sent to them, as of `now`. Days are business days in the
 * user's calendar, as the 3B7 follow-up rule counts them (method.md section 4): a weekend or a
 * holiday is no reason to call someone slow. A reply within `fastWithinDays` business days
 * (default 3) is fast; a later one is slow. A request with no reply counts as unanswered only
 * once `giveUpAfterDays` business days (default 10, two working weeks) have passed — a fresh
 * request may still be answered, so it tells us nothing yet. Replies dated after `now` have not
 * happened yet.
 *
 * - no request old enough or answered → 'unknown'
 * - none answered → 'never'
 * - at least half of the decided requests answered fast → 'fast_helper' (a tie goes to the
 *   kinder label: they did help quickly as often as not)
 * - otherwise → 'slow'
 */
export function replyBehaviour(
  requests: readonly { sentAt: Date; repliedAt: Date | null }[],
  now: Date,
  cal: BusinessCalendar,
  opts: { fastWithinDays?: number; giveUpAfterDays?: number } = {},
): ReplyBehaviour {
  const fastWithinDays = opts.fastWithinDays ?? DEFAULT_FAST_WITHIN_BUSINESS_DAYS;
  const giveUpAfterDays = opts.giveUpAfterDays ?? DEFAULT_GIVE_UP_AFTER_BUSINESS_DAYS;
  checkDays(fastWithinDays, 'fastWithinDays');
  checkDays(giveUpAfterDays, 'giveUpAfterDays');
  const nowMs = timeOf(now, 'now');

  let fast = 0;
  let answered = 0;
  let unanswered = 0;
  for (const r of requests) {
    timeOf(r.sentAt, 'sentAt');
    const replied = r.repliedAt === null ? null : timeOf(r.repliedAt, 'repliedAt');
    if (replied !== null && replied <= nowMs) {
      answered += 1;
      // A reply logged before the request (a typo in a date) counts 0 days: instant, not negative.
      if (businessDaysBetween(r.sentAt, r.repliedAt!, cal) <= fastWithinDays) fast += 1;
    } else if (businessDaysBetween(r.sentAt, now, cal) >= giveUpAfterDays) {
      unanswered += 1;
    }
  }

  const decided = answered + unanswered;
  if (decided === 0) return 'unknown';
  if (answered === 0) return 'never';
  return fast * 2 >= decided ? 'fast_helper' : 'slow';
}

/** What decides whether and when to remind the user to keep in touch with someone. */
export interface KeepInTouchFacts {
  /** What they said about keeping in touch; 'unknown' when nobody asked. */
  permission: KeepInTouch;
  /** A rhythm set by hand, in days. */
  everyDays: number | null;
  /** Local date of the last logged interaction (any contact restarts the clock). */
  lastInteraction: string;
  /** They took part in a conversation that was held. */
  met: boolean;
}

/**
 * The next keep-in-touch date (method.md section 7), or null when there should be no reminder:
 * - they said no: never;
 * - a rhythm set by hand: that many days after the last interaction;
 * - they said yes, or the user met them: the workspace's default rhythm (2–4 months);
 * - anyone else (an imported contact never met): no reminder of their own. Such people only
 *   appear, a few at a time, in the occasional "reconnect" suggestion.
 */
export function keepInTouchDue(f: KeepInTouchFacts, defaultEveryDays: number): string | null {
  if (f.permission === 'no') return null;
  const every = f.everyDays ?? (f.permission === 'yes' || f.met ? defaultEveryDays : null);
  if (every === null) return null;
  if (!Number.isSafeInteger(every) || every < 1) {
    throw invalidField(
      f.everyDays === null ? 'defaultEveryDays' : 'everyDays',
      'must be a whole number of days, 1 or more.',
    );
  }
  return addCalendarDays(f.lastInteraction, every);
}

/**
 * The "reconnect with a few people" suggestion for contacts never met: at most this many people,
 * the longest quiet first, so a large imported network never floods Today.
 */
export const RECONNECT_PEOPLE = 3;

/**
 * The suggestion is made at most once a calendar month: its key names the month, so once the user
 * has done, dismissed or acted on it, the next one comes the following month.
 */
export function reconnectPeriod(today: string): string {
  return today.slice(0, 7);
}
