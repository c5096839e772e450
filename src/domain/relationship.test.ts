import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  DEFAULT_FAST_WITHIN_DAYS,
  DEFAULT_GIVE_UP_AFTER_DAYS,
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

/** A request sent `sent` days before NOW, answered `after` days later (null: never). */
const req = (sent: number, after: number | null) => ({
  sentAt: daysAgo(sent),
  repliedAt: after === null ? null : new Date(daysAgo(sent).getTime() + after * DAY),
});

describe('replyBehaviour', () => {
  it('has a label in plain words for every behaviour', () => {
    const all: ReplyBehaviour[] = ['fast_helper', 'slow', 'never', 'unknown'];
    for (const b of all) expect(REPLY_BEHAVIOUR_LABELS[b]).toMatch(/^[A-Z][a-z ]+$/);
    expect(new Set(Object.values(REPLY_BEHAVIOUR_LABELS)).size).toBe(4);
    expect(DEFAULT_FAST_WITHIN_DAYS).toBe(3);
    expect(DEFAULT_GIVE_UP_AFTER_DAYS).toBe(14);
  });

  it('is unknown with no requests at all', () => {
    expect(replyBehaviour([], NOW)).toBe('unknown');
  });

  it('calls a reply within 3 days fast, and a later one slow', () => {
    expect(replyBehaviour([req(30, 1)], NOW)).toBe('fast_helper');
    expect(replyBehaviour([req(30, 3)], NOW)).toBe('fast_helper');
    expect(replyBehaviour([req(30, 3.01)], NOW)).toBe('slow');
    expect(replyBehaviour([req(30, 20)], NOW)).toBe('slow');
  });

  it('does not count a request still younger than the give-up delay as unanswered', () => {
    expect(replyBehaviour([req(2, null)], NOW)).toBe('unknown');
    expect(replyBehaviour([req(13.9, null)], NOW)).toBe('unknown');
    expect(replyBehaviour([req(14, null)], NOW)).toBe('never');
    expect(replyBehaviour([req(60, null), req(40, null)], NOW)).toBe('never');
  });

  it('ignores pending requests when judging the answered ones', () => {
    expect(replyBehaviour([req(40, 1), req(1, null)], NOW)).toBe('fast_helper');
    expect(replyBehaviour([req(40, 9), req(1, null)], NOW)).toBe('slow');
  });

  it('weighs mixed histories: fast at least half the time is a fast helper', () => {
    expect(replyBehaviour([req(90, 1), req(60, 10)], NOW)).toBe('fast_helper');
    expect(replyBehaviour([req(90, 1), req(60, null)], NOW)).toBe('fast_helper');
    expect(replyBehaviour([req(90, 1), req(60, null), req(30, null)], NOW)).toBe('slow');
    expect(replyBehaviour([req(90, 1), req(60, 8), req(30, 9)], NOW)).toBe('slow');
    expect(replyBehaviour([req(90, 10), req(60, null), req(30, null)], NOW)).toBe('slow');
  });

  it('treats a reply dated after now as not yet received', () => {
    expect(replyBehaviour([req(1, 2)], NOW)).toBe('unknown');
    expect(replyBehaviour([req(20, 30)], NOW)).toBe('never');
  });

  it('reads a reply dated before its request as instant', () => {
    expect(replyBehaviour([req(20, -1)], NOW)).toBe('fast_helper');
  });

  it('honours configured delays', () => {
    expect(replyBehaviour([req(30, 5)], NOW, { fastWithinDays: 7 })).toBe('fast_helper');
    expect(replyBehaviour([req(5, null)], NOW, { giveUpAfterDays: 4 })).toBe('never');
    expect(replyBehaviour([req(30, 0.5)], NOW, { fastWithinDays: 0 })).toBe('slow');
  });

  it('does not depend on the order of requests', () => {
    const list = [req(90, 1), req(60, null), req(30, 12), req(3, null)];
    expect(replyBehaviour(list, NOW)).toBe(replyBehaviour([...list].reverse(), NOW));
  });

  it('rejects invalid options and dates', () => {
    expect(() => replyBehaviour([], NOW, { fastWithinDays: -1 })).toThrow(AppError);
    expect(() => replyBehaviour([], NOW, { giveUpAfterDays: Number.NaN })).toThrow(/giveUpAfterDays/);
    expect(() => replyBehaviour([{ sentAt: new Date('x'), repliedAt: null }], NOW)).toThrow(/sentAt/);
    expect(() => replyBehaviour([], new Date('x'))).toThrow(/now/);
  });
});
