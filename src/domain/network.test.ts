import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  DEFAULT_MAX_HOPS,
  DEFAULT_WARM_PATH_LIMIT,
  formatChain,
  type IntroEdge,
  introductionChain,
  type NetPerson,
  type WarmPath,
  warmPaths,
} from './network.js';

const intro = (introducerId: string, introducedId: string): IntroEdge => ({ introducerId, introducedId });

describe('introductionChain', () => {
  const names = new Map([
    ['jonas', 'Jonas Reiter'],
    ['maya', 'Maya Okafor'],
    ['lena', 'Lena Park'],
    ['omar', 'Omar Haddad'],
  ]);
  const ids = (chain: { id: string }[]) => chain.map((p) => p.id);

  it('walks from the person back to someone nobody introduced', () => {
    const edges = [intro('lena', 'maya'), intro('maya', 'jonas')];
    expect(introductionChain('jonas', edges, names)).toEqual([
      { id: 'jonas', fullName: 'Jonas Reiter' },
      { id: 'maya', fullName: 'Maya Okafor' },
      { id: 'lena', fullName: 'Lena Park' },
    ]);
  });

  it('is just the person for a direct contact', () => {
    expect(introductionChain('lena', [intro('lena', 'maya')], names)).toEqual([
      { id: 'lena', fullName: 'Lena Park' },
    ]);
    expect(introductionChain('lena', [], names)).toEqual([{ id: 'lena', fullName: 'Lena Park' }]);
  });

  it('follows the earliest introduction when several people introduced someone', () => {
    const edges = [intro('maya', 'jonas'), intro('omar', 'jonas'), intro('lena', 'maya')];
    expect(ids(introductionChain('jonas', edges, names))).toEqual(['jonas', 'maya', 'lena']);
    const reordered = [intro('omar', 'jonas'), intro('maya', 'jonas')];
    expect(ids(introductionChain('jonas', reordered, names))).toEqual(['jonas', 'omar']);
  });

  it('stops before repeating anyone when the data has a cycle', () => {
    expect(ids(introductionChain('jonas', [intro('maya', 'jonas'), intro('jonas', 'maya')], names))).toEqual([
      'jonas',
      'maya',
    ]);
    const loop = [intro('maya', 'jonas'), intro('lena', 'maya'), intro('jonas', 'lena')];
    expect(ids(introductionChain('jonas', loop, names))).toEqual(['jonas', 'maya', 'lena']);
    expect(ids(introductionChain('lena', loop, names))).toEqual(['lena', 'jonas', 'maya']);
  });

  it('ignores someone introducing themselves, even as the first edge', () => {
    expect(ids(introductionChain('jonas', [intro('jonas', 'jonas'), intro('maya', 'jonas')], names))).toEqual(
      ['jonas', 'maya'],
    );
  });

  it('names people without a name on file instead of leaving a blank', () => {
    const chain = introductionChain('jonas', [intro('ghost', 'jonas')], new Map([['jonas', '  ']]));
    expect(chain).toEqual([
      { id: 'jonas', fullName: 'Unnamed contact' },
      { id: 'ghost', fullName: 'Unnamed contact' },
    ]);
  });

  it('handles a long chain without recursion', () => {
    const edges = Array.from({ length: 20_000 }, (_, i) => intro(`p${i + 1}`, `p${i}`));
    const chain = introductionChain('p0', edges, new Map());
    expect(chain).toHaveLength(20_001);
    expect(chain.at(-1)?.id).toBe('p20000');
  });
});

describe('formatChain', () => {
  it('reads from the user outwards to the person', () => {
    expect(formatChain([{ fullName: 'Jonas Reiter' }, { fullName: 'Maya Okafor' }])).toBe(
      'You ← Maya Okafor ← Jonas Reiter',
    );
  });

  it('shows a direct contact next to the user, and nothing for an empty chain', () => {
    expect(formatChain([{ fullName: 'Maya Okafor' }])).toBe('You ← Maya Okafor');
    expect(formatChain([])).toBe('');
  });

  it('tidies names and fills in missing ones', () => {
    expect(formatChain([{ fullName: ' Jonas ' }, { fullName: '' }])).toBe('You ← Unnamed contact ← Jonas');
  });

  it('round-trips with introductionChain', () => {
    const names = new Map([
      ['a', 'Ana'],
      ['b', 'Ben'],
      ['c', 'Cleo'],
    ]);
    const chain = introductionChain('c', [intro('a', 'b'), intro('b', 'c')], names);
    expect(formatChain(chain)).toBe('You ← Ana ← Ben ← Cleo');
  });
});

const ACME = 'org-acme';

function person(id: string, organizationId: string | null = null, pastOrganizationIds?: string[]): NetPerson {
  const name = id.charAt(0).toUpperCase() + id.slice(1);
  return pastOrganizationIds
    ? { id, fullName: name, organizationId, pastOrganizationIds }
    : { id, fullName: name, organizationId };
}

const noStrength = () => 0;
const summary = (paths: WarmPath[]) => paths.map((p) => `${p.via.join('>')}${p.formerly ? ' (former)' : ''}`);

describe('warmPaths', () => {
  it('defaults to 2 hops and 20 paths', () => {
    expect(DEFAULT_MAX_HOPS).toBe(2);
    expect(DEFAULT_WARM_PATH_LIMIT).toBe(20);
  });

  it('lists an insider you know directly as a path of one person', () => {
    const paths = warmPaths({
      targetOrgId: ACME,
      people: [person('ines', ACME), person('zoe', 'other')],
      edges: [],
      strength: (id) => (id === 'ines' ? 0.7 : 0),
    });
    expect(paths).toEqual([{ insiderId: 'ines', via: ['ines'], hops: 0, strength: 0.7, formerly: false }]);
  });

  it('follows introductions both ways', () => {
    const people = [person('ines', ACME), person('maya'), person('omar'), person('lena')];
    // Maya introduced Ines to the user; Ines introduced Omar; Lena introduced Maya.
    const edges = [intro('maya', 'ines'), intro('ines', 'omar'), intro('lena', 'maya')];
    const paths = warmPaths({ targetOrgId: ACME, people, edges, strength: noStrength });
    expect(summary(paths)).toEqual(['ines', 'maya>ines', 'omar>ines', 'lena>maya>ines']);
    expect(paths.map((p) => p.hops)).toEqual([0, 1, 1, 2]);
    expect(paths.every((p) => p.insiderId === 'ines')).toBe(true);
  });

  it('asks nobody for an introduction to someone the user already knows', () => {
    const people = [person('ines', ACME), person('maya'), person('omar'), person('lena'), person('nils')];
    // As above, and Nils could introduce Lena; the user has already met Ines and Maya.
    const edges = [
      intro('maya', 'ines'),
      intro('ines', 'omar'),
      intro('lena', 'maya'),
      intro('nils', 'lena'),
    ];
    const known = new Set(['ines', 'maya']);
    const paths = warmPaths({
      targetOrgId: ACME,
      people,
      edges,
      strength: noStrength,
      knows: (id) => known.has(id),
    });
    // Ines is written to directly; Maya and Omar lead back to her; Lena would only lead to Maya.
    expect(summary(paths)).toEqual(['ines']);

    // Someone known can still be the first person to ask, for an insider the user does not know.
    const viaMaya = warmPaths({
      targetOrgId: ACME,
      people,
      edges,
      strength: noStrength,
      knows: (id) => id === 'maya',
    });
    expect(summary(viaMaya)).toEqual(['ines', 'maya>ines', 'omar>ines']);
  });

  it('stops at maxHops', () => {
    const people = ['a', 'b', 'c', 'd'].map((id) => person(id)).concat(person('ines', ACME));
    const edges = [intro('a', 'ines'), intro('b', 'a'), intro('c', 'b'), intro('d', 'c')];
    const run = (maxHops?: number) =>
      warmPaths({
        targetOrgId: ACME,
        people,
        edges,
        strength: noStrength,
        ...(maxHops === undefined ? {} : { maxHops }),
      });
    expect(summary(run())).toEqual(['ines', 'a>ines', 'b>a>ines']);
    expect(summary(run(0))).toEqual(['ines']);
    expect(summary(run(4))).toEqual(['ines', 'a>ines', 'b>a>ines', 'c>b>a>ines', 'd>c>b>a>ines']);
  });

  it('marks former insiders and prefers a current one at the same distance', () => {
    const people = [person('ines', ACME), person('fred', 'beta', [ACME]), person('maya'), person('omar')];
    // Maya knows both; Omar only knows Fred.
    const edges = [intro('maya', 'fred'), intro('maya', 'ines'), intro('fred', 'omar')];
    const paths = warmPaths({ targetOrgId: ACME, people, edges, strength: noStrength });
    expect(summary(paths)).toEqual(['ines', 'fred (former)', 'maya>ines', 'omar>fred (former)']);
    // The other order of edges gives the same answer: the choice does not depend on input order.
    const again = warmPaths({ targetOrgId: ACME, people, edges: [...edges].reverse(), strength: noStrength });
    expect(summary(again)).toEqual(summary(paths));
  });

  it('takes the nearest insider even when it is a former one', () => {
    const people = [person('ines', ACME), person('fred', null, [ACME]), person('maya'), person('bo')];
    const edges = [intro('maya', 'fred'), intro('maya', 'bo'), intro('bo', 'ines')];
    const maya = warmPaths({ targetOrgId: ACME, people, edges, strength: noStrength }).find(
      (p) => p.via[0] === 'maya',
    );
    expect(maya).toMatchObject({ via: ['maya', 'fred'], insiderId: 'fred', hops: 1, formerly: true });
  });

  it('breaks a tie between current insiders by their name', () => {
    const people = [person('zara', ACME), person('adam', ACME), person('maya')];
    const edges = [intro('maya', 'zara'), intro('maya', 'adam')];
    const maya = warmPaths({ targetOrgId: ACME, people, edges, strength: noStrength }).find(
      (p) => p.via[0] === 'maya',
    );
    expect(maya?.via).toEqual(['maya', 'adam']);
  });

  it('counts someone who works there now and also worked there before as current', () => {
    const paths = warmPaths({
      targetOrgId: ACME,
      people: [person('ines', ACME, [ACME, 'beta'])],
      edges: [],
      strength: noStrength,
    });
    expect(paths[0]?.formerly).toBe(false);
  });

  it('ranks by hops, then strength of the first person, then current before former, then name', () => {
    const people = [
      person('ines', ACME),
      person('fred', null, [ACME]),
      person('weak'),
      person('strong'),
      person('bea'),
      person('abe'),
      person('far'),
    ];
    const edges = [
      intro('weak', 'ines'),
      intro('strong', 'ines'),
      intro('bea', 'ines'),
      intro('abe', 'fred'),
      intro('far', 'strong'),
    ];
    const strengths: Record<string, number> = { ines: 0.1, fred: 0.9, weak: 0.2, strong: 0.8, far: 1 };
    const paths = warmPaths({ targetOrgId: ACME, people, edges, strength: (id) => strengths[id] ?? 0 });
    expect(summary(paths)).toEqual([
      'fred (former)',
      'ines',
      'strong>ines',
      'weak>ines',
      'bea>ines',
      'abe>fred (former)',
      'far>strong>ines',
    ]);
    expect(paths.map((p) => p.strength)).toEqual([0.9, 0.1, 0.8, 0.2, 0, 0, 1]);
  });

  it('returns at most `limit` paths, the best ones', () => {
    const people = [person('ines', ACME), ...Array.from({ length: 50 }, (_, i) => person(`p${i}`))];
    const edges = people.slice(1).map((p) => intro(p.id, 'ines'));
    const strength = (id: string) => (id === 'ines' ? 0 : Number(id.slice(1)) / 100);
    const paths = warmPaths({ targetOrgId: ACME, people, edges, strength, limit: 4 });
    expect(summary(paths)).toEqual(['ines', 'p49>ines', 'p48>ines', 'p47>ines']);
    expect(warmPaths({ targetOrgId: ACME, people, edges, strength })).toHaveLength(20);
    expect(warmPaths({ targetOrgId: ACME, people, edges, strength, limit: 0 })).toEqual([]);
  });

  it('asks for strength only of people it may return', () => {
    const asked: string[] = [];
    const people = [person('ines', ACME), person('maya'), person('omar'), person('nobody')];
    const edges = [intro('maya', 'ines'), intro('omar', 'maya')];
    warmPaths({
      targetOrgId: ACME,
      people,
      edges,
      limit: 2,
      strength: (id) => {
        asked.push(id);
        return 0;
      },
    });
    expect(asked.sort()).toEqual(['ines', 'maya']);
  });

  it('treats a strength that is not a number as none', () => {
    const people = [person('ines', ACME), person('a'), person('b')];
    const edges = [intro('a', 'ines'), intro('b', 'ines')];
    const paths = warmPaths({
      targetOrgId: ACME,
      people,
      edges,
      strength: (id) => (id === 'a' ? Number.NaN : id === 'b' ? 0.1 : 0),
    });
    expect(summary(paths)).toEqual(['ines', 'b>ines', 'a>ines']);
    expect(paths[2]?.strength).toBe(0);
  });

  it('ignores self-introductions, duplicates and people outside the list', () => {
    const people = [person('ines', ACME), person('maya')];
    const edges = [
      intro('maya', 'maya'),
      intro('maya', 'ines'),
      intro('ines', 'maya'),
      intro('ghost', 'ines'),
      intro('maya', 'ghost'),
    ];
    expect(summary(warmPaths({ targetOrgId: ACME, people, edges, strength: noStrength }))).toEqual([
      'ines',
      'maya>ines',
    ]);
  });

  it('finds nothing without insiders', () => {
    const people = [person('maya', 'beta'), person('omar', null, ['gamma'])];
    expect(
      warmPaths({ targetOrgId: ACME, people, edges: [intro('maya', 'omar')], strength: noStrength }),
    ).toEqual([]);
    expect(warmPaths({ targetOrgId: ACME, people: [], edges: [], strength: noStrength })).toEqual([]);
  });

  it('rejects a negative or fractional maxHops or limit', () => {
    const base = { targetOrgId: ACME, people: [], edges: [], strength: noStrength };
    expect(() => warmPaths({ ...base, maxHops: -1 })).toThrow(AppError);
    expect(() => warmPaths({ ...base, maxHops: 1.5 })).toThrow(/maxHops/);
    expect(() => warmPaths({ ...base, limit: -2 })).toThrow(/limit/);
  });

  it('agrees with a plain search from each person on random networks', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let round = 0; round < 25; round++) {
      const n = 40;
      const people = Array.from({ length: n }, (_, i) => {
        const r = random();
        return person(`p${String(i).padStart(2, '0')}`, r < 0.08 ? ACME : null, r > 0.93 ? [ACME] : []);
      });
      const edges = Array.from({ length: 45 }, () =>
        intro(
          `p${String(Math.floor(random() * n)).padStart(2, '0')}`,
          `p${String(Math.floor(random() * n)).padStart(2, '0')}`,
        ),
      );
      const adjacent = new Map<string, Set<string>>(people.map((p) => [p.id, new Set()]));
      for (const e of edges) {
        if (e.introducerId === e.introducedId) continue;
        adjacent.get(e.introducerId)?.add(e.introducedId);
        adjacent.get(e.introducedId)?.add(e.introducerId);
      }
      const isInsider = new Set(
        people
          .filter((p) => p.organizationId === ACME || p.pastOrganizationIds?.includes(ACME))
          .map((p) => p.id),
      );
      const nearest = (from: string): number | null => {
        const seen = new Set([from]);
        let layer = [from];
        for (let d = 0; d <= 3; d++) {
          if (layer.some((id) => isInsider.has(id))) return d;
          layer = layer
            .flatMap((id) => [...(adjacent.get(id) ?? [])])
            .filter((id) => !seen.has(id) && seen.add(id));
        }
        return null;
      };
      const strength = (id: string) => (Number(id.slice(1)) % 7) / 7;
      const paths = warmPaths({ targetOrgId: ACME, people, edges, strength, maxHops: 3, limit: n });

      const expected = people.filter((p) => nearest(p.id) !== null).map((p) => p.id);
      expect(paths.map((p) => p.via[0]).sort()).toEqual(expected.sort());
      for (const p of paths) {
        expect(p.hops).toBe(nearest(p.via[0]!));
        expect(p.via).toHaveLength(p.hops + 1);
        expect(p.via.at(-1)).toBe(p.insiderId);
        expect(isInsider.has(p.insiderId)).toBe(true);
        expect(p.formerly).toBe(people.find((q) => q.id === p.insiderId)?.organizationId !== ACME);
        expect(p.strength).toBe(strength(p.via[0]!));
        for (let k = 1; k < p.via.length; k++) expect(adjacent.get(p.via[k - 1]!)?.has(p.via[k]!)).toBe(true);
      }
      for (let k = 1; k < paths.length; k++) {
        const a = paths[k - 1]!;
        const b = paths[k]!;
        expect(a.hops < b.hops || (a.hops === b.hops && a.strength >= b.strength)).toBe(true);
      }
    }
  });
});
