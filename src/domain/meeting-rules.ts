import type { ConversationType } from './vocab.js';

/** Rules for scheduling a meeting (method.md section 5). */

export const DEFAULT_MEETING_MINUTES = 30;
export const LONG_MEETING_WARNING_MINUTES = 45;
export const MAX_MEETING_MINUTES = 8 * 60;

/**
 * The shortest meeting worth asking for, by kind of conversation. Questions about a career or a
 * company need a real slot (20–30 minutes works best), but a call after a rejection, asking the
 * hiring manager what was missing, is its own kind of conversation (method.md section 5): 5–10
 * minutes is a fair request there, and a short ask is easier to grant.
 */
export const MIN_MEETING_MINUTES: Record<ConversationType, number> = {
  explore_career: 15,
  learn_company: 15,
  learn_role: 15,
  career_switch: 15,
  rejection_feedback: 5,
  resume_critique: 15,
  hiring_manager: 15,
};

/**
 * Advice about a planned duration; empty when the length is a good one. Above `warnAbove` (a
 * setting) is long for any conversation; the shortest good length depends on its `type`, and
 * without one the stricter minimum of an ordinary informational interview applies.
 */
export function durationWarnings(
  minutes: number,
  warnAbove = LONG_MEETING_WARNING_MINUTES,
  type?: ConversationType,
): string[] {
  if (minutes > warnAbove) {
    return [
      `${minutes} minutes is long for an informational interview: ask for 20–30 minutes, ${warnAbove} at most, so it is easy to say yes.`,
    ];
  }
  if (type === 'rejection_feedback') {
    if (minutes < MIN_MEETING_MINUTES.rejection_feedback) {
      return [`${minutes} minutes is too short even for a quick feedback call: ask for 5–10 minutes.`];
    }
    return [];
  }
  const min = type ? MIN_MEETING_MINUTES[type] : MIN_MEETING_MINUTES.learn_role;
  if (minutes < min)
    return [`${minutes} minutes leaves little time for questions: 20–30 minutes works best.`];
  return [];
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** The meeting's end instant. */
export function meetingEnd(startsAt: Date, durationMinutes: number): Date {
  return new Date(startsAt.getTime() + durationMinutes * 60_000);
}

/**
 * The wall-clock time of an instant in a zone, as 'YYYY-MM-DDTHH:mm:ss' (no offset): what a
 * clock on the wall there shows. Calendar files write meeting times this way beside their TZID.
 */
export function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}
