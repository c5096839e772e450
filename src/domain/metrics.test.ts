import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  conversationsPerOffer,
  daysBetween,
  type FunnelCounts,
  funnel,
  median,
  meetingsPerWeek,
  REFERENCE_CONVERSATIONS_PER_OFFER,
  rateBy,
  weeksSince,
} from './metrics.js';

const counts = (overrides: Partial<FunnelCounts> = {}): FunnelCounts => ({
  requestsSent: 40,
  replies: 20,
  meetingsHeld: 12,
  referrals: 18,
  opportunities: 3,
  jobInterviews: 2,
  offers: 1,
  ...overrides,
});

describe('funnel', () => {
  it('lists every stage in order with a label', () => {
    const rows = funnel(counts());
    expect(rows.map((r) => r.stage)).toEqual([
      'requestsSent',
      'replies',
      'meetingsHeld',
      'referrals',
      'opportunities',
      'jobInterviews',
      'offers',
    ]);
    expect(rows.map((r) => r.count)).toEqual([40, 20, 12, 18, 3, 2, 1]);
    for (const r of rows) expect(r.label).toMatch(/^[A-Z][a-z ]+$/);
    expect(new Set(rows.map((r) => r.label)).size).toBe(7);
  });

  it('gives rates from the stage before and from the start', () => {
    const rows = funnel(counts());
    expect(rows[0]).toMatchObject({ rateFromPrevious: null, rateFromStart: 1 });
    expect(rows[1]).toMatchObject({ rateFromPrevious: 0.5, rateFromStart: 0.5 });
    expect(rows[2]?.rateFromPrevious).toBeCloseTo(0.6, 10);
    expect(rows[2]?.rateFromStart).toBeCloseTo(0.3, 10);
    expect(rows[6]).toMatchObject({ rateFromPrevious: 0.5, rateFromStart: 0.025 });
  });

  it('does not cap a stage that outnumbers the one before (several referrals per conversation)', () => {
    expect(funnel(counts())[3]?.rateFromPrevious).toBeCloseTo(1.5, 10);
  });

  it('uses null, not 0 or NaN, when there is nothing to divide by', () => {
    const rows = funnel(
      counts({ requestsSent: 0, replies: 0, meetingsHeld: 2, referrals: 0, opportunities: 1 }),
    );
    expect(rows.every((r) => r.rateFromStart === null)).toBe(true);
    expect(rows[1]?.rateFromPrevious).toBeNull();
    expect(rows[2]?.rateFromPrevious).toBeNull();
    expect(rows[3]?.rateFromPrevious).toBe(0);
    expect(rows[4]?.rateFromPrevious).toBeNull();
  });

  it('handles an empty start', () => {
    const rows = funnel(
      counts({
        requestsSent: 0,
        replies: 0,
        meetingsHeld: 0,
        referrals: 0,
        opportunities: 0,
        jobInterviews: 0,
        offers: 0,
      }),
    );
    expect(rows.every((r) => r.count === 0 && r.rateFromStart === null && r.rateFromPrevious === null)).toBe(
      true,
    );
  });

  it('rejects counts that are not whole numbers, 0 or more', () => {
    expect(() => funnel(counts({ replies: -1 }))).toThrow(AppError);
    expect(() => funnel(counts({ offers: 0.5 }))).toThrow(/offers/);
    expect(() => funnel(counts({ meetingsHeld: Number.NaN }))).toThrow(/meetingsHeld/);
  });
});

describe('rateBy', () => {
  it('computes the reply rate per group, most requests first', () => {
    const rows = rateBy([
      { key: 'linkedin', sent: 10, replied: 2 },
      { key: 'email', sent: 25, replied: 10 },
      { key: 'phone', sent: 0, replied: 0 },
      { key: 'text', sent: 4, replied: 4 },
    ]);
    expect(rows).toEqual([
      { key: 'email', sent: 25, replied: 10, rate: 0.4 },
      { key: 'linkedin', sent: 10, replied: 2, rate: 0.2 },
      { key: 'text', sent: 4, replied: 4, rate: 1 },
      { key: 'phone', sent: 0, replied: 0, rate: null },
    ]);
  });

  it('orders groups with the same number sent by key, whatever the input order', () => {
    const rows = [
      { key: 'warm', sent: 5, replied: 4 },
      { key: 'cold', sent: 5, replied: 1 },
    ] as const;
    expect(rateBy(rows).map((r) => r.key)).toEqual(['cold', 'warm']);
    expect(rateBy([...rows].reverse()).map((r) => r.key)).toEqual(['cold', 'warm']);
  });

  it('keeps the key type and leaves the input alone', () => {
    const input: { key: 'warm' | 'cold'; sent: number; replied: number }[] = [
      { key: 'warm', sent: 1, replied: 1 },
      { key: 'cold', sent: 3, replied: 0 },
    ];
    const out: { key: 'warm' | 'cold' }[] = rateBy(input);
    expect(out.map((r) => r.key)).toEqual(['cold', 'warm']);
    expect(input.map((r) => r.key)).toEqual(['warm', 'cold']);
    expect(rateBy([])).toEqual([]);
  });

  it('rejects impossible counts', () => {
    expect(() => rateBy([{ key: 'a', sent: 2, replied: 3 }])).toThrow(AppError);
    expect(() => rateBy([{ key: 'a', sent: -1, replied: 0 }])).toThrow(/sent/);
    expect(() => rateBy([{ key: 'a', sent: 1, replied: 0.5 }])).toThrow(/replied/);
  });
});

describe('median', () => {
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([7])).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 2, 2, 2, 100])).toBe(2);
  });

  it('sorts numerically, not as text, and handles negatives and fractions', () => {
    expect(median([10, 9, 100])).toBe(10);
    expect(median([-2, -0.5, 3])).toBe(-0.5);
  });

  it('leaves the input alone', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rejects values that are not finite numbers', () => {
    expect(() => median([1, Number.NaN])).toThrow(AppError);
    expect(() => median([Number.POSITIVE_INFINITY])).toThrow(/values/);
  });
});

describe('daysBetween', () => {
  it('counts elapsed days, fractions included', () => {
    expect(daysBetween(new Date('2026-03-01T00:00:00Z'), new Date('2026-03-04T12:00:00Z'))).toBe(3.5);
    expect(daysBetween(new Date('2026-03-01T00:00:00Z'), new Date('2026-03-01T06:00:00Z'))).toBe(0.25);
  });

  it('is negative when the second date is earlier, and 0 for the same moment', () => {
    const a = new Date('2026-03-04T00:00:00Z');
    expect(daysBetween(a, new Date('2026-03-02T00:00:00Z'))).toBe(-2);
    expect(daysBetween(a, new Date(a))).toBe(0);
  });

  it('counts real time across a clock change', () => {
    // Europe moves its clocks on 29 March 2026; elapsed time is unaffected.
    expect(
      daysBetween(new Date('2026-03-28T12:00:00+01:00'), new Date('2026-03-29T12:00:00+02:00')),
    ).toBeCloseTo(23 / 24, 10);
  });

  it('rejects invalid dates', () => {
    expect(() => daysBetween(new Date('nope'), new Date())).toThrow(AppError);
  });
});

describe('weeksSince', () => {
  // Wednesday 11 March 2026: the current week started on Monday 9 March.
  const NOW = new Date('2026-03-11T15:00:00Z');

  it('charts the weeks from the one the workspace began in to this one, at most the maximum', () => {
    expect(weeksSince(new Date('2026-03-09T00:00:00Z'), NOW)).toBe(1);
    expect(weeksSince(new Date('2026-03-08T23:59:00Z'), NOW)).toBe(2);
    expect(weeksSince(new Date('2026-02-25T10:00:00Z'), NOW)).toBe(3);
    expect(weeksSince(new Date('2025-01-01T00:00:00Z'), NOW)).toBe(8);
    expect(weeksSince(new Date('2025-01-01T00:00:00Z'), NOW, 12)).toBe(12);
  });

  it('charts one week for a start in the future, and the maximum when nothing is known', () => {
    expect(weeksSince(new Date('2026-04-01T00:00:00Z'), NOW)).toBe(1);
    expect(weeksSince(null, NOW)).toBe(8);
  });
});

describe('meetingsPerWeek', () => {
  // Wednesday 11 March 2026, afternoon UTC: the current week started on Monday 9 March.
  const NOW = new Date('2026-03-11T15:00:00Z');

  it('always returns one entry per week, oldest first, named by its Monday', () => {
    const weeks = meetingsPerWeek([], NOW);
    expect(weeks.map((w) => w.weekStart)).toEqual([
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(weeks.every((w) => w.count === 0)).toBe(true);
    expect(meetingsPerWeek([], NOW, 3)).toHaveLength(3);
    expect(meetingsPerWeek([], NOW, 1)).toEqual([{ weekStart: '2026-03-09', count: 0 }]);
  });

  it('counts meetings into their UTC week, Monday 00:00 to Sunday 23:59', () => {
    const weeks = meetingsPerWeek(
      [
        new Date('2026-03-09T00:00:00Z'), // Monday, first instant of this week
        new Date('2026-03-08T23:59:59Z'), // Sunday, last instant of last week
        new Date('2026-03-02T09:00:00Z'),
        new Date('2026-03-11T14:00:00Z'),
        new Date('2026-01-19T00:00:00Z'), // first instant of the oldest week
        new Date('2026-01-18T23:59:59Z'), // too old
      ],
      NOW,
    );
    expect(weeks.map((w) => w.count)).toEqual([1, 0, 0, 0, 0, 0, 2, 2]);
  });

  it('leaves out meetings that have not happened yet', () => {
    const weeks = meetingsPerWeek([new Date('2026-03-11T16:00:00Z'), new Date('2026-03-20T10:00:00Z')], NOW);
    expect(weeks.reduce((sum, w) => sum + w.count, 0)).toBe(0);
    expect(meetingsPerWeek([NOW], NOW).at(-1)?.count).toBe(1);
  });

  it('starts the week on Monday even when now is a Sunday or a Monday', () => {
    expect(meetingsPerWeek([], new Date('2026-03-15T23:59:00Z'), 1)[0]?.weekStart).toBe('2026-03-09');
    expect(meetingsPerWeek([], new Date('2026-03-16T00:00:00Z'), 1)[0]?.weekStart).toBe('2026-03-16');
  });

  it('crosses year ends and leap days', () => {
    expect(meetingsPerWeek([], new Date('2027-01-01T12:00:00Z'), 2).map((w) => w.weekStart)).toEqual([
      '2026-12-21',
      '2026-12-28',
    ]);
    expect(meetingsPerWeek([], new Date('2028-03-01T12:00:00Z'), 2).map((w) => w.weekStart)).toEqual([
      '2028-02-21',
      '2028-02-28',
    ]);
  });

  it('rejects a number of weeks that makes no sense, and invalid dates', () => {
    expect(() => meetingsPerWeek([], NOW, 0)).toThrow(AppError);
    expect(() => meetingsPerWeek([], NOW, 2.5)).toThrow(/weeks/);
    expect(() => meetingsPerWeek([], new Date('x'))).toThrow(/now/);
    expect(() => meetingsPerWeek([new Date('x')], NOW)).toThrow(/meetings/);
  });
});

describe('conversationsPerOffer', () => {
  it('puts the user’s own figure beside the reference of 12', () => {
    expect(REFERENCE_CONVERSATIONS_PER_OFFER).toBe(12);
    expect(conversationsPerOffer(18, 2)).toMatchObject({ mine: 9, reference: 12 });
    expect(conversationsPerOffer(5, 2).mine).toBe(2.5);
  });

  it('has no figure of its own before the first offer', () => {
    expect(conversationsPerOffer(7, 0).mine).toBeNull();
    expect(conversationsPerOffer(0, 0).mine).toBeNull();
  });

  it('always says the reference figure has no study behind it', () => {
    const { caveat } = conversationsPerOffer(7, 0);
    expect(caveat).toMatch(/12/);
    expect(caveat).toMatch(/no study/);
    expect(caveat).toBe(conversationsPerOffer(30, 3).caveat);
  });

  it('keeps offers with no conversation behind them apart, and cites its other figures', () => {
    expect(conversationsPerOffer(6, 0, 1)).toMatchObject({ mine: null, offers: 0, otherOffers: 1 });
    expect(conversationsPerOffer(6, 2, 3)).toMatchObject({ mine: 3, held: 6, offers: 2, otherOffers: 3 });
    const { otherFigures } = conversationsPerOffer(6, 2);
    expect(otherFigures.map((f) => f.source).join(' ')).toMatch(/Jobvite.*Granovetter.*Burks/);
    expect(otherFigures.every((f) => f.caveat.length > 0)).toBe(true);
  });

  it('rejects counts that are not whole numbers, 0 or more', () => {
    expect(() => conversationsPerOffer(-1, 0)).toThrow(AppError);
    expect(() => conversationsPerOffer(3, 1.5)).toThrow(/offers/);
    expect(() => conversationsPerOffer(3, 1, -2)).toThrow(/otherOffers/);
  });
});
