import { invalidField } from './errors.js';
import type { ConversationStatus, IntroductionState } from './vocab.js';

/**
 * The target list (Dalton's LAMP, method.md section 1): employers scored on Advocacy, Motivation
 * and Posting, sorted, and only the top few worked at once so effort is not spread too thin.
 */

export const TARGET_STATUSES = ['active', 'on_hold', 'ruled_out', 'exhausted', 'offer_received'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  active: 'Active',
  on_hold: 'On hold',
  ruled_out: 'Ruled out',
  exhausted: 'Exhausted',
  offer_received: 'Offer received',
};

export const DEFAULT_ACTIVE_TARGETS = 5;

/**
 * Advocacy (method.md section 1) asks whether the user already knows someone at the employer.
 * Knowing of someone is not enough: a name added to the contacts, an alumni-list find or a
 * referral not yet contacted is a stranger who cannot speak up for the user. A person counts
 * when they work there now or worked there before (`people.past_organization_ids`) and the
 * records show they know the user, that is when at least one of these holds:
 * - they took part in a conversation that they accepted, or that was scheduled or held
 *   (statuses {@link ACQUAINTED_STATUSES});
 * - they wrote to the user: a logged incoming message, a polite no excepted;
 * - the user logged a call with them (a note of kind "call");
 * - the user marked the relationship: they agreed to keep in touch, or the date the user
 *   connected with them is recorded (a LinkedIn connection, or the first meeting);
 * - an introduction was made to them, or they made one for the user (states
 *   {@link INTRODUCTION_MADE_STATES}; an introduction only asked for does not count).
 * "How we know each other" alone does not count: it often says only how the user found them.
 * The user can still set Advocacy by hand on the target list.
 */
export const ADVOCACY_RULE =
  'Advocacy is yes when someone who works there now, or worked there before, already knows you: they answered a request, met or talked with you, wrote to you, agreed to keep in touch, are a connection you recorded, or were introduced to you (or introduced you to someone). People you have only added to your contacts do not count. You can always set it by hand.';

/** Conversation statuses that mean the person answered the user or met them. */
export const ACQUAINTED_STATUSES = [
  'accepted',
  'scheduled',
  'held',
  'thanked',
  'keeping_in_touch',
] as const satisfies readonly ConversationStatus[];

/** Introduction states in which the introduction actually happened (not only asked for). */
export const INTRODUCTION_MADE_STATES = [
  'made',
  'met',
  'thanked',
] as const satisfies readonly IntroductionState[];

export interface TargetFacts {
  id: string;
  name: string;
  /** 0 unfamiliar … 3 dream employer. */
  motivation: number;
  /** 1 no relevant posting … 3 very relevant posting. */
  posting: number;
  /** Someone there, or formerly there, knows the user (see {@link ADVOCACY_RULE}). */
  advocacy: boolean;
  status: TargetStatus;
}

export interface RankedTarget extends TargetFacts {
  /** 1-based position in the list. */
  rank: number;
  /** One of the top few active targets the user is working now. */
  working: boolean;
}

function checkScore(value: number, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidField(field, `must be a whole number from ${min} to ${max}.`);
  }
}

/** Ruled-out and exhausted employers have nothing left to give, so they sink below the rest. */
function isDone(status: TargetStatus): boolean {
  return status === 'ruled_out' || status === 'exhausted';
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareTargets(a: TargetFacts, b: TargetFacts): number {
  return (
    Number(isDone(a.status)) - Number(isDone(b.status)) ||
    b.motivation - a.motivation ||
    b.posting - a.posting ||
    Number(b.advocacy) - Number(a.advocacy) ||
    byName.compare(a.name, b.name) ||
    // Same name and scores: the id keeps the order the same on every call.
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Sorts targets by Motivation, then Posting, then Advocacy (all descending), then name, with
 * ruled-out and exhausted employers last. The first `activeCount` targets whose status is
 * 'active' are marked working: on-hold and offer-received targets keep their rank but take no
 * slot, so ruling out or pausing a working target moves the next active one up.
 */
export function rankTargets(
  targets: readonly TargetFacts[],
  activeCount = DEFAULT_ACTIVE_TARGETS,
): RankedTarget[] {
  if (!Number.isInteger(activeCount) || activeCount < 0) {
    throw invalidField('activeCount', 'must be a whole number, 0 or more.');
  }
  for (const t of targets) {
    checkScore(t.motivation, 'motivation', 0, 3);
    checkScore(t.posting, 'posting', 1, 3);
  }
  let slotsLeft = activeCount;
  return [...targets].sort(compareTargets).map((t, index) => {
    const working = t.status === 'active' && slotsLeft > 0;
    if (working) slotsLeft -= 1;
    return { ...t, rank: index + 1, working };
  });
}

/**
 * A caution for employers with an open posting that fits the user: a request sent now can read
 * like a job application in disguise. Null when nothing is open right now.
 */
export function postingCaution(t: Pick<TargetFacts, 'posting'> & { hasOpenPosting: boolean }): string | null {
  // The Posting score alone may be stale; only a posting that is open right now can colour a request.
  if (!t.hasOpenPosting) return null;
  if (t.posting >= 3) {
    return 'There is an open posting here that fits you well, so a request now can look like a job application in disguise. Ask only for their insight, leave the posting out of your first message, and let them raise it if they want to.';
  }
  return 'This employer has an open posting, so a request may be read as a quiet job application. Keep your message about their experience and advice, and do not mention the posting unless they do.';
}
