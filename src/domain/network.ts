import { invalidField } from './errors.js';

/**
 * The introduction network (seed rows S11 and S22): who introduced whom, how a contact came to
 * you, and warm paths — chains of people you can ask — into a target organization. Everything is
 * built from Maps and flat adjacency arrays so a network of tens of thousands of people is walked
 * in linear time.
 */

/** One recorded introduction: `introducerId` put the user in touch with `introducedId`. */
export interface IntroEdge {
  introducerId: string;
  introducedId: string;
}

export interface NetPerson {
  id: string;
  fullName: string;
  organizationId: string | null;
  pastOrganizationIds?: readonly string[];
}

/** Shown when a person in a chain has no name on file, so the chain never shows a blank. */
const UNNAMED = 'Unnamed contact';

/**
 * How `personId` reached the user: the person first, then who introduced them, then who
 * introduced that person, and so on up to someone nobody introduced (the root — usually someone
 * the user knew directly). When a person has several introducers the first edge in `edges` wins,
 * so pass edges oldest first: the first introduction is how they really came in. A cycle in the
 * data (A introduced B, B introduced A) ends the walk before anyone repeats. Self-introductions
 * are ignored.
 */
export function introductionChain(
  personId: string,
  edges: readonly IntroEdge[],
  names: ReadonlyMap<string, string>,
): { id: string; fullName: string }[] {
  const introducerOf = new Map<string, string>();
  for (const e of edges) {
    if (e.introducerId === e.introducedId || introducerOf.has(e.introducedId)) continue;
    introducerOf.set(e.introducedId, e.introducerId);
  }

  const chain: { id: string; fullName: string }[] = [];
  const seen = new Set<string>();
  let current: string | undefined = personId;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    chain.push({ id: current, fullName: names.get(current)?.trim() || UNNAMED });
    current = introducerOf.get(current);
  }
  return chain;
}

/**
 * One line that tells how a contact reached the user, read from the user outwards:
 * "You ← Maya Okafor ← Jonas Reiter" means Jonas came to you through Maya, whom you know.
 * `chain` is in introductionChain order (the person first, the root last). Empty for no chain.
 */
export function formatChain(chain: readonly { fullName: string }[]): string {
  if (chain.length === 0) return '';
  const names = chain.map((p) => p.fullName.trim() || UNNAMED).reverse();
  return ['You', ...names].join(' ← ');
}

/** A way into the target organization through people the user can ask. */
export interface WarmPath {
  /** The person at (or formerly at) the target. */
  insiderId: string;
  /** Person ids from the user's contact (first) to the insider (last); length 1: you know the insider. */
  via: string[];
  /** Introductions to pass through: via.length - 1. */
  hops: number;
  /** Relationship strength of via[0], the person the user would ask first. */
  strength: number;
  /** The insider used to work at the target rather than working there now. */
  formerly: boolean;
}

export const DEFAULT_MAX_HOPS = 2;
export const DEFAULT_WARM_PATH_LIMIT = 20;

const CURRENT = 1;
const FORMER = 2;

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkWholeNumber(value: number, field: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw invalidField(field, `must be a whole number, ${min} or more.`);
  }
}

/**
 * Warm paths into `targetOrgId`. Insiders are people whose current organization is the target,
 * or who worked there before (`formerly`). Introductions are followed both ways: whoever
 * introduced an insider can introduce you again, and whoever an insider introduced knows them.
 *
 * Someone the user already knows (`knows`: met, talked to, introduced to or by) needs no
 * introduction, so a path ends at them: they can be the first person to ask, or an insider to
 * contact directly, but never a later step. That rules out asking someone to introduce you to an
 * insider you have already met or been introduced to, and asking the person an insider introduced
 * you to for an introduction back to that insider.
 *
 * Every person within `maxHops` introductions of an insider gets one path — their best: the
 * nearest insider, a current one before a former one, then by the insider's name. Paths are
 * ranked by hops (fewest first), then the strength of the first person (strongest first), then
 * current insiders before former ones, then the first person's name; the top `limit` are
 * returned. A single breadth-first search from all insiders at once keeps this O(V + E), plus a
 * bounded selection of the top `limit` that never sorts the whole network.
 */
export function warmPaths(opts: {
  targetOrgId: string;
  people: readonly NetPerson[];
  edges: readonly IntroEdge[];
  strength: (personId: string) => number;
  /** True for people the user already knows; by default nobody. */
  knows?: (personId: string) => boolean;
  maxHops?: number;
  limit?: number;
}): WarmPath[] {
  const maxHops = opts.maxHops ?? DEFAULT_MAX_HOPS;
  const limit = opts.limit ?? DEFAULT_WARM_PATH_LIMIT;
  checkWholeNumber(maxHops, 'maxHops', 0);
  checkWholeNumber(limit, 'limit', 0);
  const { people, edges, targetOrgId } = opts;

  // Only people who take part in an introduction can be a step on a longer path, so only they
  // (and the insiders) get a dense node number; indexing all 50,000 people would cost more than
  // the whole search.
  const nodeOf = new Map<string, number>();
  const node = (id: string): number => {
    let k = nodeOf.get(id);
    if (k === undefined) {
      k = nodeOf.size;
      nodeOf.set(id, k);
    }
    return k;
  };
  const ends = new Int32Array(edges.length * 2);
  for (let e = 0; e < edges.length; e++) {
    ends[2 * e] = node(edges[e]!.introducerId);
    ends[2 * e + 1] = node(edges[e]!.introducedId);
  }

  // One pass over people: which node is whom, and who the insiders are.
  const personAt: number[] = new Array(nodeOf.size).fill(-1);
  const role = new Uint8Array(people.length); // CURRENT or FORMER for insiders
  const insiders: number[] = []; // nodes
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    const r =
      p.organizationId === targetOrgId ? CURRENT : p.pastOrganizationIds?.includes(targetOrgId) ? FORMER : 0;
    let k = nodeOf.get(p.id);
    if (k === undefined) {
      if (r === 0) continue;
      k = node(p.id);
      personAt.push(-1);
    }
    // Ids are unique in the database; should one repeat anyway, only one record takes part.
    if (personAt[k] !== -1) continue;
    personAt[k] = i;
    role[i] = r;
    if (r !== 0) insiders.push(k);
  }
  const n = personAt.length;

  // Adjacency in compressed rows (CSR): one pass to count degrees, one to fill.
  const start = new Int32Array(n + 1);
  const usable = (a: number, b: number): boolean =>
    // Edges to people outside the list (deleted, another workspace) lead nowhere the user can go.
    a !== b && personAt[a] !== -1 && personAt[b] !== -1;
  for (let e = 0; e < ends.length; e += 2) {
    const a = ends[e]!;
    const b = ends[e + 1]!;
    if (!usable(a, b)) continue;
    start[a + 1]! += 1;
    start[b + 1]! += 1;
  }
  for (let k = 0; k < n; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, n);
  const neighbours = new Int32Array(start[n]!);
  for (let e = 0; e < ends.length; e += 2) {
    const a = ends[e]!;
    const b = ends[e + 1]!;
    if (!usable(a, b)) continue;
    neighbours[fill[a]!++] = b;
    neighbours[fill[b]!++] = a;
  }

  const person = (k: number): NetPerson => people[personAt[k]!]!;
  const roleOf = (k: number): number => role[personAt[k]!]!;
  // Which of two insiders a contested person should lead to: current first, then by name. Only
  // called when two insiders reach someone at the same distance, so sorting all insiders is avoided.
  const betterInsider = (a: number, b: number): boolean => {
    const pa = person(a);
    const pb = person(b);
    return (
      (roleOf(a) - roleOf(b) || byName.compare(pa.fullName, pb.fullName) || compareIds(pa.id, pb.id)) < 0
    );
  };

  const dist = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const source = new Int32Array(n); // the insider node each path ends at
  for (const k of insiders) {
    dist[k] = 0;
    source[k] = k;
  }
  const knows = opts.knows ?? (() => false);
  // Known people end a path: nobody is asked to introduce the user to them.
  const leadsOn = (k: number): boolean => !knows(person(k).id);
  let frontier = insiders;
  const layers: number[][] = [insiders];

  // Layer by layer, so every source in a layer is final before the next layer reads it.
  for (let d = 0; d < maxHops && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      if (!leadsOn(u)) continue;
      for (let e = start[u]!; e < start[u + 1]!; e++) {
        const v = neighbours[e]!;
        if (dist[v] === -1) {
          dist[v] = d + 1;
          source[v] = source[u]!;
          parent[v] = u;
          next.push(v);
        } else if (dist[v] === d + 1 && source[v] !== source[u] && betterInsider(source[u]!, source[v]!)) {
          source[v] = source[u]!;
          parent[v] = u;
        }
      }
    }
    layers.push(next);
    frontier = next;
  }

  // A broken score must not scramble the order: anything not a number counts as no relationship.
  const strengthOf = (k: number): number => {
    const s = opts.strength(person(k).id);
    return Number.isFinite(s) ? s : 0;
  };
  const rank = (a: Candidate, b: Candidate): number =>
    b.strength - a.strength ||
    roleOf(source[a.k]!) - roleOf(source[b.k]!) ||
    byName.compare(person(a.k).fullName, person(b.k).fullName) ||
    compareIds(person(a.k).id, person(b.k).id);

  const result: WarmPath[] = [];
  // Layers come in hop order, which is the first sort key: stop as soon as the list is full.
  for (const [hops, layer] of layers.entries()) {
    const room = limit - result.length;
    if (room <= 0) break;
    const candidates = layer.map((k) => ({ k, strength: strengthOf(k) }));
    for (const c of topK(candidates, room, rank)) {
      const via: string[] = [];
      for (let v = c.k; v !== -1; v = parent[v]!) via.push(person(v).id);
      const insider = source[c.k]!;
      result.push({
        insiderId: person(insider).id,
        via,
        hops,
        strength: c.strength,
        formerly: roleOf(insider) === FORMER,
      });
    }
  }
  return result;
}

interface Candidate {
  k: number;
  strength: number;
}

/**
 * The best `k` items in order, without sorting all of them: a sorted buffer of at most `k`, into
 * which only items better than its current worst are inserted. O(n) comparisons when k is small.
 */
function topK<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= k) return [...items].sort(compare);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}
