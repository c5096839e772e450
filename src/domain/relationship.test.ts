import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-days.js';
import { AppError } from './errors.js';
import {
  DEFAULT_FAST_WITHIN_BUSINESS_DAYS,
  DEFAULT_GIVE_UP_AFTER_BUSINESS_DAYS,
  type InteractionFacts,
  REPLY_BEHAVIOUR_LABELS,
  type ReplyBehaviour,
  relationshipStrength,
  replyBehaviour,
} from './relationship.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number): Date => new Date(NOW.getTime() - d * DAY);

function facts(overrides: Partial<InteractionFacts> = {}): InteractionFacts {
  return {
    lastInteractionAt: daysAgo(10),
    interactions90d: 1,
    interactionsTotal: 1,
    keepInTouch: 'unknown',
    ...overrides,
  };
}

describe('relationshipStrength', () => {
  it('is 0 for someone never contacted, even if they said yes to keeping in touch', () => {
    expect(
      relationshipStrength(
        { lastInteractionAt: null, interactions90d: 0, interactionsTotal: 0, keepInTouch: 'yes' },
        NOW,
      ),
    ).toBe(0);
    expect(relationshipStrength(facts({ lastInteractionAt: null, interactionsTotal: 4 }), NOW)).toBe(0);
  });

  it('stays within 0..1 at the extremes', () => {
    const max = relationshipStrength(
      { lastInteractionAt: NOW, interactions90d: 1000, interactionsTotal: 100_000, keepInTouch: 'yes' },
      NOW,
    );
    expect(max).toBeGreaterThan(0.99);
    expect(max).toBeLessThanOrEqual(1);
    const min = relationshipStrength(
      { lastInteractionAt: daysAgo(3650), interactions90d: 0, interactionsTotal: 1, keepInTouch: 'no' },
      NOW,
    );
    expect(min).toBeGreaterThan(0);
    expect(min).toBeLessThan(0.05);
  });

  it('fades with time: most of the recency is gone after about 180 days', () => {
    const at = (d: number) => relationshipStrength(facts({ lastInteractionAt: daysAgo(d) }), NOW);
    expect(at(0)).toBeGreaterThan(at(30));
    expect(at(30)).toBeGreaterThan(at(90));
    expect(at(90)).toBeGreaterThan(at(180));
    const recencyPart = (d: number) => at(d) - at(100_000);
    expect(recencyPart(180) / recencyPart(0)).toBeLessThan(0.06);
    expect(recencyPart(30) / recencyPart(0)).toBeGreaterThan(0.5);
  });

  it('grows with frequency, with diminishing returns', () => {
    const at = (n: number) =>
      relationshipStrength(facts({ interactions90d: n, interactionsTotal: n }), NOW) -
      relationshipStrength(facts({ interactions90d: 0, interactionsTotal: 0 }), NOW);
    expect(at(1)).toBeGreaterThan(0);
    expect(at(3) - at(2)).toBeLessThan(at(2) - at(1));
    expect(at(50) - at(20)).toBeLessThan(0.05);
  });

  it('counts recent contact more than old history', () => {
    const recent = relationshipStrength(facts({ interactions90d: 5, interactionsTotal: 5 }), NOW);
    const old = relationshipStrength(facts({ interactions90d: 0, interactionsTotal: 5 }), NOW);
    expect(recent).toBeGreaterThan(old);
  });

  it('adds a bonus when they agreed to keep in touch', () => {
    const yes = relationshipStrength(facts({ keepInTouch: 'yes' }), NOW);
    const unknown = relationshipStrength(facts({ keepInTouch: 'unknown' }), NOW);
    const no = relationshipStrength(facts({ keepInTouch: 'no' }), NOW);
    expect(yes - unknown).toBeCloseTo(0.15, 10);
    expect(no).toBe(unknown);
  });

  it('reads a last interaction after now (clock skew) as just now', () => {
    expect(relationshipStrength(facts({ lastInteractionAt: new Date(NOW.getTime() + DAY) }), NOW)).toBe(
      relationshipStrength(facts({ lastInteractionAt: NOW }), NOW),
    );
  });

  it('gives the same answer for the same facts and time', () => {
    const f = facts({ interactions90d: 2, interactionsTotal: 7, keepInTouch: 'yes' });
    expect(relationshipStrength(f, NOW)).toBe(relationshipStrength(structuredClone(f), new Date(NOW)));
  });

  it('rejects impossible counts and dates', () => {
    expect(() => relationshipStrength(facts({ interactions90d: -1 }), NOW)).toThrow(AppError);
    expect(() => relationshipStrength(facts({ interactionsTotal: 1.5 }), NOW)).toThrow(/interactionsTotal/);
    expect(() => relationshipStrength(facts({ lastInteractionAt: new Date('nope') }), NOW)).toThrow(
      /lastInteractionAt/,
    );
    expect(() => relationshipStrength(facts(), new Date(Number.NaN))).toThrow(/now/);
  });
});

/** The user's calendar: Paris, with Whit Monday (2026-05-25) off. NOW (2026-06-01) is a Monday. */
const PARIS: BusinessCalendar = { timeZone: 'Europe/Paris', holidays: ['2026-05-25'] };

/** A request sent at `sent`, answered at `replied` (null: never); both ISO instants. */
const ask = (sent: string, replied: string | null = null) => ({
  sentAt: new Date(sent),
  repliedAt: replied === null ? null : new Date(replied),
});
/** Answered the next business day. */
const FAST = ask('2026-05-04T09:00:00Z', '2026-05-05T09:00:00Z');
/** Answered five business days later. */
const SLOW = ask('2026-05-04T09:00:00Z', '2026-05-11T09:00:00Z');
/** Never answered, long ago. */
const SILENT = ask('2026-04-01T09:00:00Z');

describe('replyBehaviour', () => {
  it('has a label in plain words for every behaviour', () => {
    const all: ReplyBehaviour[] = ['fast_helper', 'slow', 'never', 'unknown'];
    for (const b of all) expect(REPLY_BEHAVIOUR_LABELS[b]).toMatch(/^[A-Z][a-z ]+$/);
    expect(new Set(Object.values(REPLY_BEHAVIOUR_LABELS)).size).toBe(4);
    expect(DEFAULT_FAST_WITHIN_BUSINESS_DAYS).toBe(3);
    expect(DEFAULT_GIVE_UP_AFTER_BUSINESS_DAYS).toBe(10);
  });

  it('is unknown with no requests at all', () => {
    expect(replyBehaviour([], NOW, PARIS)).toBe('unknown');
  });

  it('calls a reply within 3 business days fast, and a later one slow: weekends do not count', () => {
    // Thursday to the next Tuesday: five calendar days, three business days.
    expect(replyBehaviour([ask('2026-05-14T09:00:00Z', '2026-05-19T09:00:00Z')], NOW, PARIS)).toBe(
      'fast_helper',
    );
    expect(replyBehaviour([ask('2026-05-14T09:00:00Z', '2026-05-20T09:00:00Z')], NOW, PARIS)).toBe('slow');
    expect(replyBehaviour([FAST], NOW, PARIS)).toBe('fast_helper');
    expect(replyBehaviour([SLOW], NOW, PARIS)).toBe('slow');
  });

  it('does not count the holidays of the calendar', () => {
    // Friday, then a weekend and Whit Monday off: Thursday is the third business day.
    expect(replyBehaviour([ask('2026-05-22T09:00:00Z', '2026-05-28T09:00:00Z')], NOW, PARIS)).toBe(
      'fast_helper',
    );
    expect(replyBehaviour([ask('2026-05-22T09:00:00Z', '2026-05-29T09:00:00Z')], NOW, PARIS)).toBe('slow');
    const noHoliday = { ...PARIS, holidays: [] };
    expect(replyBehaviour([ask('2026-05-22T09:00:00Z', '2026-05-28T09:00:00Z')], NOW, noHoliday)).toBe(
      'slow',
    );
  });

  it("counts days in the user's time zone", () => {
    // Thursday 22:30 UTC is already Friday in Paris: Friday to Wednesday is three business days.
    const late = ask('2026-05-14T22:30:00Z', '2026-05-20T10:00:00Z');
    expect(replyBehaviour([late], NOW, PARIS)).toBe('fast_helper');
    expect(replyBehaviour([late], NOW, { timeZone: 'UTC', holidays: [] })).toBe('slow');
  });

  it('does not count a request still younger than two working weeks as unanswered', () => {
    expect(replyBehaviour([ask('2026-05-29T09:00:00Z')], NOW, PARIS)).toBe('unknown');
    // Two calendar weeks, but only nine business days with the holiday.
    expect(replyBehaviour([ask('2026-05-18T09:00:00Z')], NOW, PARIS)).toBe('unknown');
    expect(replyBehaviour([ask('2026-05-15T09:00:00Z')], NOW, PARIS)).toBe('never');
    expect(replyBehaviour([SILENT, ask('2026-04-20T09:00:00Z')], NOW, PARIS)).toBe('never');
  });

  it('ignores pending requests when judging the answered ones', () => {
    expect(replyBehaviour([FAST, ask('2026-05-29T09:00:00Z')], NOW, PARIS)).toBe('fast_helper');
    expect(replyBehaviour([SLOW, ask('2026-05-29T09:00:00Z')], NOW, PARIS)).toBe('slow');
  });

  it('weighs mixed histories: fast at least half the time is a fast helper', () => {
    expect(replyBehaviour([FAST, SLOW], NOW, PARIS)).toBe('fast_helper');
    expect(replyBehaviour([FAST, SILENT], NOW, PARIS)).toBe('fast_helper');
    expect(replyBehaviour([FAST, SILENT, SILENT], NOW, PARIS)).toBe('slow');
    expect(replyBehaviour([FAST, SLOW, SLOW], NOW, PARIS)).toBe('slow');
    expect(replyBehaviour([SLOW, SILENT, SILENT], NOW, PARIS)).toBe('slow');
  });

  it('treats a reply dated after now as not yet received', () => {
    expect(replyBehaviour([ask('2026-05-29T09:00:00Z', '2026-06-03T09:00:00Z')], NOW, PARIS)).toBe('unknown');
    expect(replyBehaviour([ask('2026-04-01T09:00:00Z', '2026-06-10T09:00:00Z')], NOW, PARIS)).toBe('never');
  });

  it('reads a reply dated before its request as instant', () => {
    expect(replyBehaviour([ask('2026-05-04T09:00:00Z', '2026-05-01T09:00:00Z')], NOW, PARIS)).toBe(
      'fast_helper',
    );
  });

  it('honours configured delays', () => {
    expect(replyBehaviour([SLOW], NOW, PARIS, { fastWithinDays: 7 })).toBe('fast_helper');
    expect(replyBehaviour([ask('2026-05-26T09:00:00Z')], NOW, PARIS, { giveUpAfterDays: 4 })).toBe('never');
    expect(replyBehaviour([FAST], NOW, PARIS, { fastWithinDays: 0 })).toBe('slow');
    expect(
      replyBehaviour([ask('2026-05-04T09:00:00Z', '2026-05-04T17:00:00Z')], NOW, PARIS, {
        fastWithinDays: 0,
      }),
    ).toBe('fast_helper');
  });

  it('does not depend on the order of requests', () => {
    const list = [FAST, SILENT, SLOW, ask('2026-05-29T09:00:00Z')];
    expect(replyBehaviour(list, NOW, PARIS)).toBe(replyBehaviour([...list].reverse(), NOW, PARIS));
  });

  it('rejects invalid options and dates', () => {
    expect(() => replyBehaviour([], NOW, PARIS, { fastWithinDays: -1 })).toThrow(AppError);
    expect(() => replyBehaviour([], NOW, PARIS, { giveUpAfterDays: Number.NaN })).toThrow(/giveUpAfterDays/);
    expect(() => replyBehaviour([{ sentAt: new Date('x'), repliedAt: null }], NOW, PARIS)).toThrow(/sentAt/);
    expect(() => replyBehaviour([], new Date('x'), PARIS)).toThrow(/now/);
    expect(() => replyBehaviour([FAST], NOW, { timeZone: 'Mars/Olympus', holidays: [] })).toThrow(/timeZone/);
  });
});
