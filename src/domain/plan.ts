import { invalidField } from './errors.js';
import { MAX_MEETING_MINUTES } from './meeting-rules.js';
import type { QuestionTopic } from './question-bank.js';
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
/** How many closing questions always get a place in next steps, time permitting a minute each. */
export const CORE_CLOSING_QUESTIONS = 3;
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
}

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

/**
 * Picks questions for a middle section within `budget` minutes. Each pick takes the candidate with
 * the best goal score, where every pick beyond two from the same topic costs one point: a pair of
 * related questions is natural, but one topic does not crowd out the others, and a question that
 * serves more goals still beats a fresh topic. A question too long for the time left is skipped,
 * so a shorter one can still fit.
 */
function pickSpread(pool: readonly Candidate[], budget: number): Candidate[] {
  const left = [...pool];
  const perTopic = new Map<string, number>();
  const picked: Candidate[] = [];
  let remaining = budget;
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
 * Closing questions, best goal match first. The first three — in the bank: who else, what next,
 * keeping in touch — are the plan of action every conversation should end on (seed 001), so they
 * share the section even when it is short, each getting at least a minute and at most its own
 * length. Further closing questions join only when they fit in full.
 */
function pickClosing(pool: readonly Candidate[], budget: number): { c: Candidate; minutes: number }[] {
  const ordered = [...pool].sort((a, b) => b.score - a.score || a.index - b.index);
  const core = ordered.slice(0, Math.max(0, Math.min(CORE_CLOSING_QUESTIONS, budget)));
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
  const picked = core.map((c, i) => ({ c, minutes: minutes[i] ?? 1 }));
  for (const c of ordered.slice(core.length)) {
    if (c.minutes > remaining) continue;
    picked.push({ c, minutes: c.minutes });
    remaining -= c.minutes;
  }
  return picked;
}

function minutesOf(items: readonly { minutes: number }[]): number {
  return items.reduce((sum, i) => sum + i.minutes, 0);
}

function questionItem(section: PlanSection, c: Candidate, minutes = c.minutes): PlanItem {
  return { section, questionId: c.q.id, text: c.q.text, minutes };
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
 * Proposes an agenda for a conversation of `durationMinutes`. The warm-up takes about 12% (2
 * minutes at least) and next steps about 15%, filled with 'closing' questions; the middle gets the
 * rest. The conversation type always counts as one of the goals, so an empty goal list means
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
  const closingPool = all.filter((c) => c.q.topic === 'closing');
  const closing = pickClosing(closingPool, nextBudget);
  // Time the closing questions did not need goes to the middle, where the substance is.
  let middle = duration - rapportMinutes - minutesOf(closing);

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
  const open = all.filter((c) => c.q.topic !== 'closing');
  const mid = middleSection(type, open);
  bySection.set(
    mid.section,
    pickSpread(mid.pool, middle).map((c) => questionItem(mid.section, c)),
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
