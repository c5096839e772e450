/**
 * Words and small calculations for the network and results screens: introduction states, how far
 * a warm path is, how strong a relationship reads, and rates as percentages.
 */
import { INTRODUCTION_STATES, type IntroductionState } from '../../domain/vocab.js';

export const INTRODUCTION_STATE_LABELS: Record<IntroductionState, string> = {
  asked: 'Asked',
  made: 'Introduced',
  met: 'Met',
  thanked: 'Thanked',
};

/** What each state means, for hints next to the state control. */
export const INTRODUCTION_STATE_HINTS: Record<IntroductionState, string> = {
  asked: 'You asked for the introduction; it has not happened yet.',
  made: 'The introduction was made; you have not met yet.',
  met: 'You have talked with the person you were introduced to.',
  thanked: 'You thanked the introducer and told them how it went.',
};

/** The state after `state`, or null once the introducer has been thanked. */
export function nextIntroductionState(state: IntroductionState): IntroductionState | null {
  const i = INTRODUCTION_STATES.indexOf(state);
  return INTRODUCTION_STATES[i + 1] ?? null;
}

/** "Direct contact", "1 introduction away", "2 introductions away". */
export function hopsLabel(hops: number): string {
  if (hops <= 0) return 'Direct contact';
  return hops === 1 ? '1 introduction away' : `${hops} introductions away`;
}

/** A relationship strength from 0 to 1 in words. */
export function strengthLabel(strength: number): string {
  if (!Number.isFinite(strength) || strength <= 0.05) return 'no recent contact';
  if (strength < 0.35) return 'weak';
  if (strength < 0.7) return 'fair';
  return 'strong';
}

/** 0.4167 → "42 %"; null (nothing to divide by) → "—". */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 100)} %`;
}

/** "1 person", "3 people" and the like. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Today's date as the API writes it, "2026-03-12", in the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
