import { describe, expect, it } from 'vitest';
import type { IntroductionGraph } from './network-api.js';
import {
  buildGraph,
  EDGE_COLORS,
  edgeSummary,
  NONE_COLOR,
  nodeColors,
  OTHER_COLOR,
  PALETTE,
  searchNodes,
} from './network-graph-data.js';

const node = (
  id: string,
  fullName: string,
  organizationId: string | null = null,
  seniority: string | null = null,
) => ({
  id,
  fullName,
  organizationId,
  seniority,
});

const sample: IntroductionGraph = {
  nodes: [
    node('a', 'Maya Okafor', 'o1', 'director'),
    node('b', 'Jonas Reiter', 'o2'),
    node('c', 'Priya Natarajan'),
  ],
  edges: [
    { id: 'e1', source: 'a', target: 'b', state: 'made' },
    { id: 'e2', source: 'b', target: 'c', state: 'met' },
    { id: 'e3', source: 'b', target: 'gone', state: 'made' },
  ],
  truncated: false,
  totalEdges: 3,
};

describe('buildGraph', () => {
  it('adds every person and every introduction between known people', () => {
    const g = buildGraph(sample);
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    expect(g.hasEdge('a', 'b')).toBe(true);
    expect(g.getEdgeAttribute('e2', 'color')).toBe(EDGE_COLORS.met);
  });

  it('draws people in more introductions bigger, and starts everyone at the same spot each time', () => {
    const g = buildGraph(sample);
    expect(g.getNodeAttribute('b', 'size')).toBeGreaterThan(g.getNodeAttribute('a', 'size'));
    const again = buildGraph(sample);
    expect(again.getNodeAttribute('c', 'x')).toBe(g.getNodeAttribute('c', 'x'));
    expect(again.getNodeAttribute('c', 'y')).toBe(g.getNodeAttribute('c', 'y'));
  });
});

describe('nodeColors', () => {
  it('gives the most frequent organizations their own color and groups the rest', () => {
    const nodes = Array.from({ length: PALETTE.length + 2 }, (_, i) => node(`p${i}`, `P${i}`, `org${i}`));
    nodes.push(node('x', 'X', 'org0'), node('y', 'Y'));
    const names = new Map([['org0', 'Acme']]);
    const { colorOf, legend } = nodeColors(nodes, 'organization', names);
    expect(legend[0]).toEqual({ key: 'org0', label: 'Acme', color: PALETTE[0], count: 2 });
    expect(legend.find((l) => l.key === 'other')?.count).toBe(2);
    expect(legend.at(-1)).toMatchObject({ label: 'No organization', count: 1 });
    expect(colorOf({ organizationId: 'org0', seniority: null })).toBe(PALETTE[0]);
    expect(colorOf({ organizationId: `org${PALETTE.length}`, seniority: null })).toBe(OTHER_COLOR);
    expect(colorOf({ organizationId: null, seniority: null })).toBe(NONE_COLOR);
  });

  it('colors by seniority with one color per level that occurs', () => {
    const { legend, colorOf } = nodeColors(sample.nodes, 'seniority', new Map());
    expect(legend.map((l) => l.label)).toEqual(['Director', 'Level not known']);
    expect(colorOf({ organizationId: null, seniority: 'director' })).not.toBe(NONE_COLOR);
  });
});

describe('edgeSummary', () => {
  it('counts introductions in every state, in order', () => {
    expect(edgeSummary(sample.edges).map((e) => [e.key, e.count])).toEqual([
      ['asked', 0],
      ['made', 2],
      ['met', 1],
      ['thanked', 0],
    ]);
  });
});

describe('searchNodes', () => {
  const nodes = [
    node('1', 'Léa Martin'),
    node('2', 'Amelia Lea'),
    node('3', 'Jonas Reiter'),
    node('4', 'Eleanor'),
  ];

  it('ignores case and accents and puts names that start with the text first', () => {
    expect(searchNodes(nodes, 'lea').map((n) => n.id)).toEqual(['1', '2', '4']);
  });

  it('finds nobody for blank text and stops at the limit', () => {
    expect(searchNodes(nodes, '  ')).toEqual([]);
    expect(searchNodes(nodes, 'e', 2)).toHaveLength(2);
  });
});
