/**
 * Turns the introduction graph from the API into what the network view draws: a graphology graph
 * with starting positions and sizes, colors by organization or seniority, and name search. Kept
 * free of the renderer so it can be tested on its own.
 */
// The named export: graphology's typings are read as CommonJS here, where the default is the module.
import { DirectedGraph } from 'graphology';
import {
  INTRODUCTION_STATES,
  type IntroductionState,
  SENIORITY_LABELS,
  SENIORITY_LEVELS,
} from '../../domain/vocab.js';
import type { IntroductionGraph } from './network-api.js';
import { INTRODUCTION_STATE_LABELS } from './network-labels.js';

export type ColorBy = 'organization' | 'seniority';

export interface NodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  organizationId: string | null;
  seniority: string | null;
}

export interface EdgeAttributes {
  state: IntroductionState;
  color: string;
  size: number;
}

/** Distinct colors that stay readable on white (Tableau 10, slightly darkened). */
export const PALETTE = [
  '#3a6ea5',
  '#e07b24',
  '#c63d3f',
  '#5f9e9b',
  '#4b9a3a',
  '#c9a21c',
  '#9c6394',
  '#e0828f',
  '#8c6a55',
] as const;
export const OTHER_COLOR = '#9aa0a6';
export const NONE_COLOR = '#b4b9bf';

export const EDGE_COLORS: Record<IntroductionState, string> = {
  asked: '#d0a73a',
  made: '#6f9bd3',
  met: '#4fae73',
  thanked: '#9574d0',
};

/** A number from a string that is the same on every load, so a layout starts where it did before. */
export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * Builds the graph. Each person starts at a spot derived from their id inside a disc that grows
 * with the number of people; bigger dots for people in more introductions.
 */
export function buildGraph(data: IntroductionGraph): DirectedGraph<NodeAttributes, EdgeAttributes> {
  const graph = new DirectedGraph<NodeAttributes, EdgeAttributes>();
  const radius = Math.sqrt(data.nodes.length) * 10;
  for (const n of data.nodes) {
    const h = hashString(n.id);
    const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
    const r = Math.sqrt((h >>> 16) / 0x10000) * radius;
    graph.addNode(n.id, {
      label: n.fullName,
      x: Math.cos(angle) * r,
      y: Math.sin(angle) * r,
      size: 3,
      organizationId: n.organizationId,
      seniority: n.seniority,
    });
  }
  for (const e of data.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || graph.hasEdge(e.source, e.target)) continue;
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, {
      state: e.state,
      color: EDGE_COLORS[e.state],
      size: 1,
    });
  }
  // Big networks get small dots and thin arrows so the structure stays readable when zoomed out.
  const base = graph.order > 1000 ? 2.5 : graph.order > 150 ? 4 : 7;
  const edgeSize = graph.order > 1000 ? 0.6 : graph.order > 150 ? 1.5 : 2.5;
  graph.forEachNode((id) => {
    graph.setNodeAttribute(id, 'size', base + Math.min(8, Math.sqrt(graph.degree(id)) * 1.6));
  });
  graph.forEachEdge((id) => graph.setEdgeAttribute(id, 'size', edgeSize));
  return graph;
}

export interface LegendEntry {
  key: string;
  label: string;
  color: string;
  count: number;
}

/**
 * The colors of the dots and the legend that explains them. Organizations: the most frequent
 * get their own color, the rest share one. Seniority: one color per level.
 */
export function nodeColors(
  nodes: IntroductionGraph['nodes'],
  colorBy: ColorBy,
  organizationNames: ReadonlyMap<string, string>,
): {
  colorOf: (node: { organizationId: string | null; seniority: string | null }) => string;
  legend: LegendEntry[];
} {
  const counts = new Map<string, number>();
  let none = 0;
  for (const n of nodes) {
    const key = colorBy === 'organization' ? n.organizationId : n.seniority;
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    else none += 1;
  }
  const colors = new Map<string, string>();
  const legend: LegendEntry[] = [];
  if (colorBy === 'seniority') {
    SENIORITY_LEVELS.forEach((level, i) => {
      const count = counts.get(level) ?? 0;
      const color = PALETTE[i % PALETTE.length] ?? OTHER_COLOR;
      colors.set(level, color);
      if (count) legend.push({ key: level, label: SENIORITY_LABELS[level], color, count });
    });
  } else {
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    let others = 0;
    ranked.forEach(([key, count], i) => {
      const color = PALETTE[i];
      if (!color) {
        others += count;
        return;
      }
      colors.set(key, color);
      legend.push({ key, label: organizationNames.get(key) ?? 'Unnamed organization', color, count });
    });
    if (others)
      legend.push({ key: 'other', label: 'Other organizations', color: OTHER_COLOR, count: others });
  }
  if (none) {
    const label = colorBy === 'organization' ? 'No organization' : 'Level not known';
    legend.push({ key: 'none', label, color: NONE_COLOR, count: none });
  }
  return {
    colorOf: (node) => {
      const key = colorBy === 'organization' ? node.organizationId : node.seniority;
      if (!key) return NONE_COLOR;
      return colors.get(key) ?? OTHER_COLOR;
    },
    legend,
  };
}

/** Introductions by state, for the summary under the graph. */
export function edgeSummary(edges: IntroductionGraph['edges']): LegendEntry[] {
  return INTRODUCTION_STATES.map((s) => ({
    key: s,
    label: INTRODUCTION_STATE_LABELS[s],
    color: EDGE_COLORS[s],
    count: edges.filter((e) => e.state === s).length,
  }));
}

/** People whose name contains `query` (any case, accents ignored), names that start with it first. */
export function searchNodes(
  nodes: IntroductionGraph['nodes'],
  query: string,
  limit = 8,
): IntroductionGraph['nodes'] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLocaleLowerCase('en');
  const q = fold(query.trim());
  if (!q) return [];
  const starts: IntroductionGraph['nodes'] = [];
  const contains: IntroductionGraph['nodes'] = [];
  for (const n of nodes) {
    const name = fold(n.fullName);
    if (name.startsWith(q) || name.includes(` ${q}`)) starts.push(n);
    else if (name.includes(q)) contains.push(n);
  }
  return [...starts, ...contains].slice(0, limit);
}
