import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  postingCaution,
  rankTargets,
  TARGET_STATUS_LABELS,
  TARGET_STATUSES,
  type TargetFacts,
} from './lamp.js';

let nextId = 0;
function target(name: string, overrides: Partial<TargetFacts> = {}): TargetFacts {
  nextId += 1;
  return {
    id: `t${nextId}`,
    name,
    motivation: 2,
    posting: 1,
    advocacy: false,
    status: 'active',
    ...overrides,
  };
}

const names = (ranked: { name: string }[]) => ranked.map((t) => t.name);
const working = (ranked: { name: string; working: boolean }[]) =>
  ranked.filter((t) => t.working).map((t) => t.name);

describe('rankTargets', () => {
  it('sorts by motivation, then posting, then advocacy, then name', () => {
    const ranked = rankTargets([
      target('Delta', { motivation: 2, posting: 3 }),
      target('Alpha', { motivation: 1, posting: 3, advocacy: true }),
      target('Bravo', { motivation: 3, posting: 1 }),
      target('Charlie', { motivation: 2, posting: 3, advocacy: true }),
      target('echo', { motivation: 2, posting: 2 }),
      target('Echo Labs', { motivation: 2, posting: 2 }),
      target('Foxtrot', { motivation: 0, posting: 1 }),
    ]);
    expect(names(ranked)).toEqual(['Bravo', 'Charlie', 'Delta', 'echo', 'Echo Labs', 'Alpha', 'Foxtrot']);
    expect(ranked.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('compares names without regard to case or accents and numbers naturally', () => {
    const ranked = rankTargets([target('Zeta'), target('émile & co'), target('Acme 10'), target('Acme 9')]);
    expect(names(ranked)).toEqual(['Acme 9', 'Acme 10', 'émile & co', 'Zeta']);
  });

  it('gives the same order on every call, even for identical names and scores', () => {
    const a = target('Same', { id: 'b' });
    const b = target('Same', { id: 'a' });
    expect(rankTargets([a, b]).map((t) => t.id)).toEqual(['a', 'b']);
    expect(rankTargets([b, a]).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('works the top 5 active targets by default', () => {
    const list = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n, i) =>
      target(n, { motivation: 3 - Math.min(i, 3) }),
    );
    const ranked = rankTargets(list);
    expect(working(ranked)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(ranked.find((t) => t.name === 'F')?.working).toBe(false);
  });

  it('honours a configured number of working targets, including 0', () => {
    const list = ['A', 'B', 'C'].map((n) => target(n));
    expect(working(rankTargets(list, 2))).toEqual(['A', 'B']);
    expect(working(rankTargets(list, 0))).toEqual([]);
    expect(working(rankTargets(list, 10))).toEqual(['A', 'B', 'C']);
  });

  it('moves ruled-out and exhausted targets to the bottom and never works them', () => {
    const ranked = rankTargets([
      target('Dream', { motivation: 3, posting: 3, status: 'ruled_out' }),
      target('Done', { motivation: 3, posting: 2, status: 'exhausted' }),
      target('Okay', { motivation: 1 }),
      target('Good', { motivation: 2 }),
    ]);
    expect(names(ranked)).toEqual(['Good', 'Okay', 'Dream', 'Done']);
    expect(ranked.map((t) => t.working)).toEqual([true, true, false, false]);
    expect(ranked.map((t) => t.rank)).toEqual([1, 2, 3, 4]);
  });

  it('ranks on-hold and offer-received targets in place, without using a working slot', () => {
    const ranked = rankTargets(
      [
        target('A', { motivation: 3 }),
        target('B', { motivation: 3, posting: 2, status: 'on_hold' }),
        target('C', { motivation: 2, status: 'offer_received' }),
        target('D', { motivation: 1 }),
        target('E', { motivation: 0 }),
      ],
      2,
    );
    expect(names(ranked)).toEqual(['B', 'A', 'C', 'D', 'E']);
    expect(working(ranked)).toEqual(['A', 'D']);
  });

  it('promotes the next active target when a working one is ruled out', () => {
    const list = ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => target(n));
    expect(working(rankTargets(list))).toEqual(['A', 'B', 'C', 'D', 'E']);
    const afterRulingOutB = list.map((t) => (t.name === 'B' ? { ...t, status: 'ruled_out' as const } : t));
    const ranked = rankTargets(afterRulingOutB);
    expect(working(ranked)).toEqual(['A', 'C', 'D', 'E', 'F']);
    expect(ranked.at(-1)?.name).toBe('B');
  });

  it('keeps all the facts and does not modify the input', () => {
    const list = [target('B', { advocacy: true }), target('A')];
    const copy = structuredClone(list);
    const [first] = rankTargets(list);
    expect(first).toEqual({ ...list[0], rank: 1, working: true });
    expect(list).toEqual(copy);
  });

  it('returns an empty list for no targets', () => {
    expect(rankTargets([])).toEqual([]);
  });

  it('rejects scores and counts outside their ranges', () => {
    expect(() => rankTargets([target('A', { motivation: 4 })])).toThrow(AppError);
    expect(() => rankTargets([target('A', { motivation: -1 })])).toThrow(/motivation/);
    expect(() => rankTargets([target('A', { posting: 0 })])).toThrow(/posting/);
    expect(() => rankTargets([target('A', { posting: 2.5 })])).toThrow(/posting/);
    expect(() => rankTargets([target('A')], -1)).toThrow(/activeCount/);
  });

  it('has a label for every status', () => {
    for (const status of TARGET_STATUSES) expect(TARGET_STATUS_LABELS[status]).toBeTruthy();
  });
});

describe('postingCaution', () => {
  it('says nothing without an open posting', () => {
    expect(postingCaution({ posting: 1, hasOpenPosting: false })).toBeNull();
    expect(postingCaution({ posting: 3, hasOpenPosting: false })).toBeNull();
  });

  it('cautions when a posting is open', () => {
    expect(postingCaution({ posting: 1, hasOpenPosting: true })).toMatch(/job application/);
    expect(postingCaution({ posting: 2, hasOpenPosting: true })).toMatch(/job application/);
  });

  it('cautions more pointedly when the open posting fits well', () => {
    const strong = postingCaution({ posting: 3, hasOpenPosting: true });
    expect(strong).toMatch(/in disguise/);
    expect(strong).not.toBe(postingCaution({ posting: 2, hasOpenPosting: true }));
  });
});
