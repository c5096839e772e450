import { invalidField } from './errors.js';
import { CONVERSATION_STATUSES, type ConversationStatus, SENIORITY_LEVELS, type Seniority } from './vocab.js';

/**
 * Coverage of one target organization (method.md section 2, seed row S7): whom the user has heard
 * from there — which levels and functions — where each conversation stands, and a few nudges
 * toward the voices still missing. Anyone at any level is worth a conversation, and the people
 * doing the work often know the day-to-day better than their managers.
 */

export interface CoveragePerson {
  id: string;
  seniority: Seniority | null;
  function: string | null;
  /** A conversation with them was held. */
  heardFrom: boolean;
}

export interface CoverageConversation {
  status: ConversationStatus;
}

export interface Coverage {
  people: number;
  heardFrom: number;
  /** In SENIORITY_LEVELS order, junior first. */
  levelsHeard: Seniority[];
  levelsNotHeard: Seniority[];
  /** Distinct, alphabetical; spelled as first recorded. */
  functionsHeard: string[];
  /** Only statuses that occur. */
  stages: Partial<Record<ConversationStatus, number>>;
  openPaths: number;
  nudges: string[];
}

/** Manager and up: people who run the work rather than do it day to day. */
const LEADERSHIP: ReadonlySet<Seniority> = new Set(['manager', 'director', 'executive', 'owner']);
/** Below lead: people doing the work itself. */
const INDIVIDUAL: ReadonlySet<Seniority> = new Set(['intern', 'entry', 'staff', 'senior']);

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Sums up coverage of one organization from its people, its conversations and the number of warm
 * paths still open to it. Nudges are ordered most useful first.
 */
export function coverage(opts: {
  people: readonly CoveragePerson[];
  conversations: readonly CoverageConversation[];
  openPaths: number;
}): Coverage {
  const { openPaths } = opts;
  if (!Number.isSafeInteger(openPaths) || openPaths < 0) {
    throw invalidField('openPaths', 'must be a whole number, 0 or more.');
  }

  let heardFrom = 0;
  let levelUnknown = 0;
  let functionUnknown = 0;
  const levels = new Set<Seniority>();
  // Keyed case- and space-insensitively, so "Engineering" and " engineering" count once.
  const functions = new Map<string, string>();
  for (const p of opts.people) {
    if (!p.heardFrom) continue;
    heardFrom += 1;
    if (p.seniority) levels.add(p.seniority);
    else levelUnknown += 1;
    const fn = p.function?.trim().replace(/\s+/g, ' ');
    if (fn) {
      const key = fn.toLocaleLowerCase('en');
      if (!functions.has(key)) functions.set(key, fn);
    } else functionUnknown += 1;
  }

  const counts = new Map<ConversationStatus, number>();
  for (const c of opts.conversations) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const stages: Partial<Record<ConversationStatus, number>> = {};
  for (const s of CONVERSATION_STATUSES) {
    const n = counts.get(s);
    if (n) stages[s] = n;
  }

  const levelsHeard = SENIORITY_LEVELS.filter((l) => levels.has(l));
  const result: Coverage = {
    people: opts.people.length,
    heardFrom,
    levelsHeard,
    levelsNotHeard: SENIORITY_LEVELS.filter((l) => !levels.has(l)),
    functionsHeard: [...functions.values()].sort(byName.compare),
    stages,
    openPaths,
    nudges: [],
  };
  result.nudges = nudges(result, { level: levelUnknown, function: functionUnknown });
  return result;
}

function nudges(c: Coverage, unknown: { level: number; function: number }): string[] {
  const out: string[] = [];
  const paths =
    c.openPaths > 0
      ? ` You have ${plural(c.openPaths, 'warm path', 'warm paths')} here — asking for an introduction is the easiest way in.`
      : '';

  if (c.people === 0) {
    out.push(
      c.openPaths > 0
        ? `You do not know anyone here yet, but ${plural(c.openPaths, 'warm path leads', 'warm paths lead')} here: ask for an introduction.`
        : 'You do not know anyone here yet. Former colleagues, classmates and people you meet at events are good places to look for a first contact.',
    );
    return out;
  }

  if (c.heardFrom === 0) {
    const pending = (c.stages.requested ?? 0) + (c.stages.accepted ?? 0) + (c.stages.scheduled ?? 0);
    out.push(
      pending > 0
        ? `No conversation held here yet, but ${pending === 1 ? 'one is' : `${pending} are`} in progress.${paths}`
        : `You know ${plural(c.people, 'person', 'people')} here but have not talked with anyone yet. A short conversation is the best way to learn what it is really like.${paths}`,
    );
    return out;
  }

  // A person of unknown level might fill the gap, so level nudges wait until every level is known.
  const heard = unknown.level === 0 ? c.levelsHeard : [];
  if (heard.length > 0 && heard.every((l) => LEADERSHIP.has(l))) {
    out.push(
      'So far you have only heard from managers and people above them. Those doing the job every day often know best how it really works — ask someone in the role itself.',
    );
  } else if (c.heardFrom >= 2 && heard.length > 0 && heard.every((l) => INDIVIDUAL.has(l))) {
    out.push(
      'Everyone you heard from works on the team rather than running it. Someone a level or so above the role you want can tell you how the team is run and what they look for.',
    );
  }

  if (c.functionsHeard.length === 1 && unknown.function === 0) {
    out.push(
      `Everyone you heard from works in ${c.functionsHeard[0]}. Someone from a neighbouring team will show you the organization from another side.`,
    );
  }

  if (unknown.level > 0) {
    out.push(
      `Record the level of ${unknown.level === 1 ? 'one person' : `${unknown.level} people`} you talked with here, so this view can show which levels are still missing.`,
    );
  }
  return out;
}
