import { describe, expect, it } from 'vitest';
import { type CoveragePerson, coverage } from './coverage.js';
import { AppError } from './errors.js';
import { type ConversationStatus, SENIORITY_LEVELS } from './vocab.js';

let nextId = 0;
function person(overrides: Partial<CoveragePerson> = {}): CoveragePerson {
  nextId += 1;
  return { id: `p${nextId}`, seniority: 'staff', function: 'Engineering', heardFrom: true, ...overrides };
}
const convs = (...statuses: ConversationStatus[]) => statuses.map((status) => ({ status }));

describe('coverage', () => {
  it('counts people, who was heard from, levels, functions and stages', () => {
    const c = coverage({
      people: [
        person({ seniority: 'staff', function: 'Engineering' }),
        person({ seniority: 'manager', function: 'Design' }),
        person({ seniority: 'director', function: 'Sales', heardFrom: false }),
      ],
      conversations: convs('held', 'thanked', 'requested', 'requested'),
      openPaths: 3,
    });
    expect(c.people).toBe(3);
    expect(c.heardFrom).toBe(2);
    expect(c.levelsHeard).toEqual(['staff', 'manager']);
    expect(c.levelsNotHeard).toEqual(['intern', 'entry', 'senior', 'lead', 'director', 'executive', 'owner']);
    expect(c.functionsHeard).toEqual(['Design', 'Engineering']);
    expect(c.stages).toEqual({ requested: 2, held: 1, thanked: 1 });
    expect(c.openPaths).toBe(3);
  });

  it('keeps levels in seniority order and splits all levels between heard and not heard', () => {
    const c = coverage({
      people: [
        person({ seniority: 'owner' }),
        person({ seniority: 'intern' }),
        person({ seniority: 'lead' }),
      ],
      conversations: [],
      openPaths: 0,
    });
    expect(c.levelsHeard).toEqual(['intern', 'lead', 'owner']);
    expect([...c.levelsHeard, ...c.levelsNotHeard].sort()).toEqual([...SENIORITY_LEVELS].sort());
  });

  it('lists stages in lifecycle order and leaves out the ones that do not occur', () => {
    const c = coverage({
      people: [],
      conversations: convs('no_reply', 'idea', 'held', 'idea'),
      openPaths: 0,
    });
    expect(Object.keys(c.stages)).toEqual(['idea', 'held', 'no_reply']);
    expect(c.stages.idea).toBe(2);
    expect(c.stages.declined).toBeUndefined();
  });

  it('counts a function once however it is spelled, in alphabetical order', () => {
    const c = coverage({
      people: [
        person({ function: 'product  management' }),
        person({ function: ' Engineering' }),
        person({ function: 'Product Management' }),
        person({ function: 'data' }),
        person({ function: '   ' }),
        person({ function: null }),
      ],
      conversations: [],
      openPaths: 0,
    });
    expect(c.functionsHeard).toEqual(['data', 'Engineering', 'product management']);
  });

  it('does not count the level or function of people not yet heard from', () => {
    const c = coverage({
      people: [person({ heardFrom: false, seniority: 'executive', function: 'Finance' })],
      conversations: convs('requested'),
      openPaths: 0,
    });
    expect(c.levelsHeard).toEqual([]);
    expect(c.functionsHeard).toEqual([]);
    expect(c.levelsNotHeard).toEqual([...SENIORITY_LEVELS]);
  });

  it('rejects a negative or fractional number of open paths', () => {
    expect(() => coverage({ people: [], conversations: [], openPaths: -1 })).toThrow(AppError);
    expect(() => coverage({ people: [], conversations: [], openPaths: 0.5 })).toThrow(/openPaths/);
  });
});

describe('coverage nudges', () => {
  const nudgesFor = (people: CoveragePerson[], openPaths = 0, statuses: ConversationStatus[] = []) =>
    coverage({ people, conversations: convs(...statuses), openPaths }).nudges;

  it('points to a first contact when nobody is known there', () => {
    const [only, ...rest] = nudgesFor([]);
    expect(only).toMatch(/do not know anyone here/);
    expect(only).toMatch(/colleagues|classmates|events/);
    expect(rest).toEqual([]);
  });

  it('suggests an introduction when warm paths lead to an unknown organization', () => {
    expect(nudgesFor([], 1)).toEqual([
      expect.stringMatching(/1 warm path leads here: ask for an introduction/),
    ]);
    expect(nudgesFor([], 4)[0]).toMatch(/4 warm paths lead here/);
  });

  it('encourages a first conversation when people are known but nobody was heard from', () => {
    const nudges = nudgesFor([person({ heardFrom: false }), person({ heardFrom: false })], 2);
    expect(nudges).toHaveLength(1);
    expect(nudges[0]).toMatch(/know 2 people here but have not talked with anyone yet/);
    expect(nudges[0]).toMatch(/2 warm paths/);
  });

  it('acknowledges requests in progress when nobody was heard from yet', () => {
    const one = nudgesFor([person({ heardFrom: false })], 0, ['requested', 'declined']);
    expect(one).toEqual([expect.stringMatching(/one is in progress\.$/)]);
    const three = nudgesFor([person({ heardFrom: false })], 0, ['requested', 'accepted', 'scheduled']);
    expect(three[0]).toMatch(/3 are in progress/);
  });

  it('suggests someone in the role itself when only managers and above were heard from', () => {
    const nudges = nudgesFor([
      person({ seniority: 'manager', function: 'Sales' }),
      person({ seniority: 'director', function: 'Design' }),
    ]);
    expect(nudges).toEqual([expect.stringMatching(/only heard from managers.*role itself/)]);
  });

  it('suggests someone a level up when only people on the team were heard from', () => {
    const nudges = nudgesFor([
      person({ seniority: 'staff', function: 'Sales' }),
      person({ seniority: 'entry', function: 'Design' }),
    ]);
    expect(nudges).toEqual([expect.stringMatching(/a level or so above the role you want/)]);
    // One conversation with a staff member is a fine start, not yet a gap worth pointing out.
    expect(nudgesFor([person({ seniority: 'staff', function: 'Sales' })])).not.toContainEqual(
      expect.stringMatching(/level or so above/),
    );
  });

  it('has no level nudge for a mix of levels', () => {
    expect(
      nudgesFor([
        person({ seniority: 'staff', function: 'Sales' }),
        person({ seniority: 'manager', function: 'Design' }),
      ]),
    ).toEqual([]);
    expect(
      nudgesFor([
        person({ seniority: 'lead', function: 'Sales' }),
        person({ seniority: 'lead', function: 'IT' }),
      ]),
    ).toEqual([]);
  });

  it('suggests another team when everyone heard from works in one function', () => {
    const nudges = nudgesFor([
      person({ seniority: 'staff', function: 'Engineering' }),
      person({ seniority: 'manager', function: 'engineering' }),
    ]);
    expect(nudges).toEqual([
      expect.stringMatching(/works in Engineering\. Someone from a neighbouring team/),
    ]);
  });

  it('asks for missing levels instead of guessing a gap', () => {
    const nudges = nudgesFor([
      person({ seniority: 'director', function: 'Sales' }),
      person({ seniority: null, function: 'Design' }),
    ]);
    expect(nudges).toEqual([expect.stringMatching(/Record the level of one person/)]);
    expect(
      nudgesFor([person({ seniority: null, function: 'A' }), person({ seniority: null, function: 'B' })])[0],
    ).toMatch(/2 people/);
  });

  it('holds back the one-function nudge while some functions are unknown', () => {
    const nudges = nudgesFor([
      person({ seniority: 'staff', function: 'Sales' }),
      person({ seniority: 'manager', function: null }),
    ]);
    expect(nudges).toEqual([]);
  });

  it('can give several nudges, most useful first', () => {
    const nudges = nudgesFor([
      person({ seniority: 'manager', function: 'Sales' }),
      person({ seniority: 'executive', function: 'Sales' }),
    ]);
    expect(nudges).toHaveLength(2);
    expect(nudges[0]).toMatch(/role itself/);
    expect(nudges[1]).toMatch(/works in Sales/);
  });

  it('writes nudges as full sentences with no placeholders', () => {
    const all = [
      ...nudgesFor([]),
      ...nudgesFor([], 2),
      ...nudgesFor([person({ heardFrom: false })], 1, ['requested']),
      ...nudgesFor([person({ seniority: 'owner' }), person({ seniority: null })]),
      ...nudgesFor([person({ seniority: 'senior' }), person({ seniority: 'intern' })]),
    ];
    expect(all.length).toBeGreaterThan(4);
    for (const n of all) {
      expect(n).toMatch(/^[A-Z].*[.!]$/);
      expect(n).not.toMatch(/undefined|null|NaN|\{\{|\s{2}/);
    }
  });
});
