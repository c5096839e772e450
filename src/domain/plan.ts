import { invalidField } from './errors.js';
import { MAX_MEETING_MINUTES } from './meeting-rules.js';
import { QUESTION_BANK, type QuestionTopic, TIARA_TOPICS } from './question-bank.js';
import type { ConversationType } from './vocab.js';

/**
 * The time-boxed agenda of a conversation (method.md sections 5 and 6, seeds 001 and 003): a little
 * rapport, the questions that serve the goals, and next steps — fitted to the agreed length, so
 * the user can keep their promise of "20–30 minutes". Pure and deterministic: the same input
 * always gives the same plan.
 */

export type PlanSection = 'rapport' | 'questions' | 'their_needs' | 'my_fit' | 'feedback' | 'next_steps';

export const PLAN_SECTION_LABELS: Record<PlanSection, string> = {
  rapport: 'Warm-up',
  questions: 'Your questions',
  their_needs: 'Their needs',
  my_fit: 'Where you could help',
  feedback: 'Feedback',
  next_steps: 'Next steps',
};

/** A question the plan may use: a bank question or one the user wrote. */
export interface PlanQuestion {
  id: string;
  text: string;
  topic: QuestionTopic;
  goals: readonly string[];
  /** Typical minutes for the answer; DEFAULT_QUESTION_MINUTES when unknown. */
  minutes?: number;
  /**
   * The built-in bank's key when this is one of the bank's questions (as shipped), so the plan
   * can recognise the closing questions every conversation ends on.
   */
  key?: string;
}

/** One line of the agenda. `questionId` is null for lines that are not questions (the warm-up, my fit). */
export interface PlanItem {
  section: PlanSection;
  questionId: string | null;
  text: string;
  minutes: number;
}

export interface ProposedPlan {
  items: PlanItem[];
  /** Minutes planned in each section of the shape, in shape order (0 when nothing fitted). */
  sections: { section: PlanSection; minutes: number }[];
  totalMinutes: number;
  /** Minutes of the meeting left unplanned: a buffer, since answers run long. */
  unusedMinutes: number;
}

export const DEFAULT_QUESTION_MINUTES = 3;
/** Share of the meeting for the warm-up: about 10–15%, never under 2 minutes. */
export const RAPPORT_SHARE = 0.12;
export const RAPPORT_MIN_MINUTES = 2;
/** Share of the meeting kept for the closing questions (who else, what next, keeping in touch). */
export const NEXT_STEPS_SHARE = 0.15;
export const NEXT_STEPS_MIN_MINUTES = 2;
/**
 * The closing questions every plan ends on, in the order they are asked (seed 001): who else to
 * talk to, what to do next, and keeping in touch. The first two are the plan of action and are
 * always there; when the bank given has no such question (retired, or reworded), the built-in
 * wording is used as a line of its own. Keeping in touch joins when the bank has it.
 */
export const CORE_CLOSING_KEYS = ['closing-who-else', 'closing-next-step', 'closing-keep-in-touch'] as const;
const REQUIRED_CLOSING_KEYS: readonly string[] = ['closing-who-else', 'closing-next-step'];
/** Share of the meeting left unplanned, never under 2 minutes: answers run long (seed 000). */
export const SLACK_SHARE = 0.1;
export const SLACK_MIN_MINUTES = 2;
/** How many TIARA topics the questions of a plan cover at least, when the bank has them. */
export const MIN_TIARA_TOPICS = 3;
/** Share of the middle of a hiring-manager conversation spent linking their needs to the user's skills. */
export const MY_FIT_SHARE = 0.4;
export const MY_FIT_ITEM_MINUTES = 2;

/**
 * The sections of a plan, in order. A possible future boss gets a needs-and-fit middle (seed 003);
 * a call after a rejection is about feedback (seed 001); every other goal uses TIARA's three parts.
 */
export function planShape(type: ConversationType): PlanSection[] {
  if (type === 'hiring_manager') return ['rapport', 'their_needs', 'my_fit', 'next_steps'];
  if (type === 'rejection_feedback') return ['rapport', 'feedback', 'next_steps'];
  return ['rapport', 'questions', 'next_steps'];
}

/** The warm-up line, worded for the kind of conversation so its tone is right from the start. */
function rapportText(type: ConversationType): string {
  if (type === 'rejection_feedback') {
    return 'Thank them for making time, and say you are not here to revisit the decision — only to learn how to improve.';
  }
  if (type === 'hiring_manager') {
    return 'Thank them for making time, a moment of small talk, then say you would like to understand what their team is working on.';
  }
  return 'Thank them for making time, a moment of small talk, then say in one sentence what you hope to learn.';
}

function checkMinutes(value: number, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidField(field, `must be a whole number of minutes from ${min} to ${max}.`);
  }
}

interface Candidate {
  q: PlanQuestion;
  index: number;
  score: number;
  /** Goals the question serves that this conversation does not have: fewer means more to the point. */
  offGoals: number;
  minutes: number;
  /** A built-in closing question the bank given lacked: it becomes a line with no question id. */
  standIn?: boolean;
}

const TIARA_TOPIC_SET: ReadonlySet<string> = new Set(TIARA_TOPICS);
/** Plans this long or longer cover at least MIN_TIARA_TOPICS TIARA topics. */
const TIARA_FROM_MINUTES = 20;

/** Questions scored by how many of the goals they serve; the input order breaks ties. */
function candidates(questions: readonly PlanQuestion[], goals: readonly string[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  questions.forEach((q, index) => {
    if (q.minutes !== undefined)
      checkMinutes(q.minutes, `questions.${index}.minutes`, 1, MAX_MEETING_MINUTES);
    // The same question twice in the input would be asked twice; the first copy wins.
    if (seen.has(q.id)) return;
    seen.add(q.id);
    const score = goals.filter((g) => q.goals.includes(g)).length;
    const offGoals = q.goals.length - score;
    out.push({ q, index, score, offGoals, minutes: q.minutes ?? DEFAULT_QUESTION_MINUTES });
  });
  return out;
}

/**
 * Between equally good picks: the higher raw score, then the more focused question (one written
 * for this kind of conversation says more than a general one), then input order — never chance.
 */
function breaksTie(c: Candidate, best: Candidate): boolean {
  if (c.score !== best.score) return c.score > best.score;
  if (c.offGoals !== best.offGoals) return c.offGoals < best.offGoals;
  return c.index < best.index;
}

function sumOf(values: readonly number[]): number {
  return values.reduce((sum, n) => sum + n, 0);
}

/**
 * The first picks of a middle section: the best question of each of MIN_TIARA_TOPICS different
 * TIARA topics (fewer when the pool has fewer), so that trends, insights, advice, resources or
 * assignments are never crowded out by one group. A pick is only taken when the shortest
 * questions of the topics still missing fit in the time left after it.
 */
function seedTiara(pool: readonly Candidate[], budget: number): Candidate[] {
  const tiara = pool.filter((c) => TIARA_TOPIC_SET.has(c.q.topic));
  const needed = Math.min(MIN_TIARA_TOPICS, new Set(tiara.map((c) => c.q.topic)).size);
  const covered = new Set<string>();
  const picked: Candidate[] = [];
  let remaining = budget;
  while (covered.size < needed) {
    const open = tiara.filter((c) => !covered.has(c.q.topic));
    const shortest = new Map<string, number>();
    for (const c of open) shortest.set(c.q.topic, Math.min(shortest.get(c.q.topic) ?? c.minutes, c.minutes));
    const still = needed - covered.size - 1;
    let best: Candidate | undefined;
    for (const c of open) {
      const rest = [...shortest]
        .filter(([topic]) => topic !== c.q.topic)
        .map(([, minutes]) => minutes)
        .sort((a, b) => a - b)
        .slice(0, still);
      if (c.minutes + sumOf(rest) > remaining) continue;
      if (!best || breaksTie(c, best)) best = c;
    }
    if (!best) return picked;
    picked.push(best);
    covered.add(best.q.topic);
    remaining -= best.minutes;
  }
  return picked;
}

/**
 * Picks questions for a middle section within `budget` minutes. It starts from the TIARA topics
 * (seedTiara); then each pick takes the candidate with the best goal score, where every pick
 * beyond two from the same topic costs one point: a pair of related questions is natural, but
 * one topic does not crowd out the others, and a question that serves more goals still beats a
 * fresh topic. A question too long for the time left is skipped, so a shorter one can still fit.
 */
function pickSpread(pool: readonly Candidate[], budget: number): Candidate[] {
  const picked = seedTiara(pool, budget);
  const left = pool.filter((c) => !picked.includes(c));
  const perTopic = new Map<string, number>();
  for (const c of picked) perTopic.set(c.q.topic, (perTopic.get(c.q.topic) ?? 0) + 1);
  let remaining = budget - sumOf(picked.map((c) => c.minutes));
  for (;;) {
    let best: Candidate | undefined;
    let bestKey = Number.NEGATIVE_INFINITY;
    for (const c of left) {
      if (c.minutes > remaining) continue;
      // A second question from a topic is free; each one after that costs a goal point.
      const key = c.score - Math.max(0, (perTopic.get(c.q.topic) ?? 0) - 1);
      if (best === undefined || key > bestKey || (key === bestKey && breaksTie(c, best))) {
        best = c;
        bestKey = key;
      }
    }
    if (!best) return picked;
    picked.push(best);
    left.splice(left.indexOf(best), 1);
    perTopic.set(best.q.topic, (perTopic.get(best.q.topic) ?? 0) + 1);
    remaining -= best.minutes;
  }
}

/**
 * The core closing questions (CORE_CLOSING_KEYS) in the order they are asked. The bank's own
 * copy is used when given; a required one missing from it is stood in for by the built-in wording.
 */
function coreClosing(pool: readonly Candidate[]): Candidate[] {
  const core: Candidate[] = [];
  for (const key of CORE_CLOSING_KEYS) {
    const own = pool.find((c) => c.q.key === key);
    if (own) {
      core.push(own);
      continue;
    }
    const builtIn = QUESTION_BANK.find((b) => b.key === key);
    if (!builtIn || !REQUIRED_CLOSING_KEYS.includes(key)) continue;
    core.push({
      q: { id: key, key, text: builtIn.text, topic: builtIn.topic, goals: builtIn.goals },
      index: -1,
      score: 0,
      offGoals: 0,
      minutes: builtIn.minutes,
      standIn: true,
    });
  }
  return core;
}

/**
 * Closing questions for a section of `budget` minutes. The core ones — who else, what next,
 * keeping in touch — are the plan of action every conversation should end on (seed 001), so
 * they share the section even when it is short, each getting at least a minute and at most its
 * own length, and they come last. Further closing questions ("anything I did not ask?"), best
 * goal match first, join only when they fit in full, and are asked before the core ones.
 */
function pickClosing(pool: readonly Candidate[], budget: number): { c: Candidate; minutes: number }[] {
  const allCore = coreClosing(pool);
  const core = allCore.slice(0, Math.max(0, Math.min(allCore.length, budget)));
  const minutes = core.map(() => 1);
  let remaining = budget - core.length;
  // Hand out the rest a minute at a time, in turn, so no core question is squeezed to nothing.
  let grew = true;
  while (remaining > 0 && grew) {
    grew = false;
    core.forEach((c, i) => {
      const current = minutes[i] ?? 1;
      if (remaining > 0 && current < c.minutes) {
        minutes[i] = current + 1;
        remaining -= 1;
        grew = true;
      }
    });
  }
  const extras: { c: Candidate; minutes: number }[] = [];
  const others = pool
    .filter((c) => !allCore.includes(c))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  for (const c of others) {
    if (c.minutes > remaining) continue;
    extras.push({ c, minutes: c.minutes });
    remaining -= c.minutes;
  }
  return [...extras, ...core.map((c, i) => ({ c, minutes: minutes[i] ?? 1 }))];
}

function minutesOf(items: readonly { minutes: number }[]): number {
  return items.reduce((sum, i) => sum + i.minutes, 0);
}

function questionItem(section: PlanSection, c: Candidate, minutes = c.minutes): PlanItem {
  return { section, questionId: c.standIn ? null : c.q.id, text: c.q.text, minutes };
}

/** The my-fit lines: one per distinct skill (as many as fit), or one general line without skills. */
function myFitItems(skills: readonly string[], budget: number): PlanItem[] {
  if (budget <= 0) return [];
  const distinct: string[] = [];
  const keys = new Set<string>();
  for (const raw of skills) {
    const skill = raw.replace(/\s+/g, ' ').trim();
    if (skill === '' || keys.has(skill.toLowerCase())) continue;
    keys.add(skill.toLowerCase());
    distinct.push(skill);
  }
  const room = Math.floor(budget / MY_FIT_ITEM_MINUTES);
  if (distinct.length === 0 || room === 0) {
    return [
      {
        section: 'my_fit',
        questionId: null,
        text: 'Their need ↔ my skill: pick a need they just described and answer it with one thing you have done, and how it turned out.',
        minutes: Math.min(budget, 2 * MY_FIT_ITEM_MINUTES),
      },
    ];
  }
  return distinct.slice(0, room).map((skill) => ({
    section: 'my_fit' as const,
    questionId: null,
    text: `Their need ↔ my skill: ${skill} — evidence: one short example of using it, and what came of it.`,
    minutes: MY_FIT_ITEM_MINUTES,
  }));
}

/** The question section in the middle of a shape, and the questions it may draw from. */
function middleSection(
  type: ConversationType,
  open: readonly Candidate[],
): { section: PlanSection; pool: Candidate[] } {
  if (type === 'hiring_manager') {
    return { section: 'their_needs', pool: open.filter((c) => c.q.goals.includes('hiring_manager')) };
  }
  if (type === 'rejection_feedback') {
    return { section: 'feedback', pool: open.filter((c) => c.q.goals.includes('rejection_feedback')) };
  }
  return { section: 'questions', pool: open.filter((c) => c.score > 0) };
}

/**
 * The question a rejection-feedback call exists for — which qualifications were missing — asked
 * first: the best question written only for this kind of conversation that is not a TIARA one
 * (those are seeded anyway). From 20 minutes, where a plan covers three TIARA topics, it is
 * taken only if they still fit beside it; a shorter call (5–10 minutes is usual) asks it first.
 */
function anchorQuestion(
  type: ConversationType,
  pool: readonly Candidate[],
  budget: number,
  duration: number,
): Candidate | undefined {
  if (type !== 'rejection_feedback') return undefined;
  const shortestTiara = [...TIARA_TOPIC_SET]
    .map((topic) => Math.min(...pool.filter((c) => c.q.topic === topic).map((c) => c.minutes)))
    .filter(Number.isFinite)
    .sort((a, b) => a - b)
    .slice(0, MIN_TIARA_TOPICS);
  const keepForTiara = duration >= TIARA_FROM_MINUTES ? sumOf(shortestTiara) : 0;
  let best: Candidate | undefined;
  for (const c of pool) {
    if (TIARA_TOPIC_SET.has(c.q.topic) || c.offGoals > 0) continue;
    if (c.minutes + keepForTiara > budget) continue;
    if (!best || breaksTie(c, best)) best = c;
  }
  return best;
}

/**
 * Proposes an agenda for a conversation of `durationMinutes`. The warm-up takes about 12% (2
 * minutes at least) and next steps about 15%, filled with 'closing' questions that end on who
 * else to see and what to do next; about 10% (2 minutes at least) stays unplanned, since answers
 * run long; the middle gets the rest and covers at least three TIARA topics when the bank has
 * them. The conversation type always counts as one of the goals, so an empty goal list means
 * "just the type". Planned minutes never exceed the duration; what is left is `unusedMinutes`.
 */
export function proposePlan(opts: {
  type: ConversationType;
  goals: readonly ConversationType[];
  durationMinutes: number;
  questions: readonly PlanQuestion[];
  mySkills?: readonly string[];
}): ProposedPlan {
  const { type, durationMinutes: duration } = opts;
  checkMinutes(duration, 'durationMinutes', 1, MAX_MEETING_MINUTES);
  const goals = [...new Set<string>([type, ...opts.goals])];
  const all = candidates(opts.questions, goals);

  const rapportMinutes = Math.min(
    duration,
    Math.max(RAPPORT_MIN_MINUTES, Math.round(duration * RAPPORT_SHARE)),
  );
  const nextBudget = Math.min(
    duration - rapportMinutes,
    Math.max(NEXT_STEPS_MIN_MINUTES, Math.round(duration * NEXT_STEPS_SHARE)),
  );
  const coreKeys: readonly (string | undefined)[] = CORE_CLOSING_KEYS;
  const isClosing = (c: Candidate) => c.q.topic === 'closing' || coreKeys.includes(c.q.key);
  const closing = pickClosing(all.filter(isClosing), nextBudget);
  const slack = Math.max(SLACK_MIN_MINUTES, Math.round(duration * SLACK_SHARE));
  // Time the closing questions did not need goes to the middle, where the substance is.
  let middle = Math.max(0, duration - rapportMinutes - minutesOf(closing) - slack);

  const bySection = new Map<PlanSection, PlanItem[]>();
  bySection.set('rapport', [
    { section: 'rapport', questionId: null, text: rapportText(type), minutes: rapportMinutes },
  ]);
  const nextItems = closing.map((p) => questionItem('next_steps', p.c, p.minutes));
  bySection.set('next_steps', nextItems);
  if (type === 'hiring_manager') {
    const fit = myFitItems(opts.mySkills ?? [], Math.round(middle * MY_FIT_SHARE));
    bySection.set('my_fit', fit);
    middle -= minutesOf(fit);
  }
  // Closing questions belong at the end only; the middle never takes them.
  const open = all.filter((c) => !isClosing(c));
  const mid = middleSection(type, open);
  const anchor = anchorQuestion(type, mid.pool, middle, duration);
  const rest = anchor ? mid.pool.filter((c) => c !== anchor) : mid.pool;
  const picks = pickSpread(rest, middle - (anchor?.minutes ?? 0));
  bySection.set(
    mid.section,
    (anchor ? [anchor, ...picks] : picks).map((c) => questionItem(mid.section, c)),
  );

  const shape = planShape(type);
  const items = shape.flatMap((section) => bySection.get(section) ?? []);
  const sections = shape.map((section) => ({
    section,
    minutes: minutesOf(bySection.get(section) ?? []),
  }));
  const totalMinutes = minutesOf(items);
  return { items, sections, totalMinutes, unusedMinutes: duration - totalMinutes };
}

/**
 * Re-adds an agenda after the user reordered or edited it, and says by how much it runs over
 * the meeting. Nothing is cut: which question to drop is the user's call.
 */
export function retime(
  items: readonly PlanItem[],
  durationMinutes: number,
): { items: PlanItem[]; totalMinutes: number; overBy: number } {
  checkMinutes(durationMinutes, 'durationMinutes', 1, MAX_MEETING_MINUTES);
  items.forEach((item, index) => {
    checkMinutes(item.minutes, `items.${index}.minutes`, 0, MAX_MEETING_MINUTES);
  });
  const totalMinutes = minutesOf(items);
  return {
    items: items.map((i) => ({ ...i })),
    totalMinutes,
    overBy: Math.max(0, totalMinutes - durationMinutes),
  };
}
