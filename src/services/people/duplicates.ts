/**
 * Finding people who are probably the same person, comparing two side by side, and remembering
 * pairs the user said are not the same. Candidate pairs are people grouped by normalised keys
 * (profile URL, e-mail, organization and last name), so the work grows with the number of people
 * rather than its square; the pure rules in domain/duplicates.ts confirm them.
 */
import { setImmediate } from 'node:timers/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { duplicateDismissals, organizations, people } from '../../db/schema.js';
import {
  compareNames,
  type DuplicateReason,
  emailKey,
  foldName,
  linkedInKey,
  reasonLabel,
} from '../../domain/duplicates.js';
import { AppError } from '../../domain/errors.js';
import type { HistoryCounts } from '../../domain/history-text.js';
import {
  defaultChoice,
  differingFields,
  MERGE_FIELD_LABELS,
  MERGE_FIELDS,
  type MergeChoice,
  type MergeField,
} from '../../domain/merge-fields.js';
import type { Ctx } from '../context.js';
import { getPerson, type Person } from './people.js';

/** Keys shared by more people than this are not a sign of duplicates (a team inbox, "n/a"). */
const MAX_GROUP = 25;
/** A safety cap on candidate pairs read at once. */
const MAX_CANDIDATES = 5000;

export interface PersonBrief {
  id: string;
  fullName: string;
  title: string | null;
  organizationName: string | null;
  email: string | null;
  linkedinUrl: string | null;
  version: number;
}

export interface DuplicatePair {
  a: PersonBrief;
  b: PersonBrief;
  reasons: DuplicateReason[];
  /** The reasons in words, e.g. "Same e-mail". */
  labels: string[];
}

type Kind = 'linkedin' | 'email' | 'name';

interface Candidate {
  a: string;
  b: string;
  kind: Kind;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** People read for the grouping at a time: one short statement each, other requests in between. */
const KEY_PAGE = 1000;

/** What grouping needs of a person: [id, full name, e-mail, profile URL, organization id]. */
type KeyRow = [string, string, string | null, string | null, string | null];

/**
 * The keys a person is grouped by, from the same rules that confirm a pair afterwards, so the
 * grouping never splits a pair the rules would accept. The name rule needs the same last name
 * and (for every kind of match it knows) the same first letter, so names are grouped by
 * organization, last name and first letter; or, for a slip in the last name, by organization,
 * first name and the last name's first letter.
 */
function groupingKeys([, fullName, email, linkedinUrl, organizationId]: KeyRow): [Kind, string][] {
  const keys: [Kind, string][] = [];
  const li = linkedInKey(linkedinUrl);
  if (li) keys.push(['linkedin', li]);
  const em = emailKey(email);
  if (em) keys.push(['email', em]);
  if (organizationId) {
    const words = foldName(fullName).split(' ').filter(Boolean);
    if (words.length) {
      const first = words[0]!;
      const last = words[words.length - 1]!;
      keys.push(['name', `${organizationId} L ${last} ${first[0]}`]);
      keys.push(['name', `${organizationId} F ${first} ${last[0]}`]);
    }
  }
  return keys;
}

/**
 * Candidate pairs: people grouped by each key, and only groups of two to MAX_GROUP people become
 * pairs. The keys are worked out here rather than in SQL: folding 50,000 names with regular
 * expressions in the database took 2–5 s of the embedded database's only connection, during
 * which no other request was answered. Here the people are read KEY_PAGE at a time by id, and
 * the event loop gets a turn between pages, so a request that arrives meanwhile waits for one
 * page at most.
 */
async function candidatePairs(ctx: Ctx): Promise<Candidate[]> {
  const groups = new Map<string, { kind: Kind; ids: string[] }>();
  let after: string | null = null;
  for (;;) {
    if (after) await setImmediate();
    const page: KeyRow[] = JSON.parse(
      rowsOf<{ page: string }>(
        await ctx.db.execute(sql`select coalesce(json_agg(json_build_array(id, full_name, email,
            linkedin_url, organization_id) order by id), '[]')::text as page
          from (select id, full_name, email, linkedin_url, organization_id from ${people}
            where workspace_id = ${ctx.workspaceId} ${after ? sql`and id > ${after}::uuid` : sql``}
            order by id limit ${KEY_PAGE}) p`),
      )[0]!.page,
    );
    for (const row of page) {
      for (const [kind, key] of groupingKeys(row)) {
        const groupKey = `${kind} ${key}`;
        const group = groups.get(groupKey);
        // A group past MAX_GROUP is dropped anyway: keep one id more to know it is too big.
        if (!group) groups.set(groupKey, { kind, ids: [row[0]] });
        else if (group.ids.length <= MAX_GROUP) group.ids.push(row[0]);
      }
    }
    if (page.length < KEY_PAGE) break;
    after = page[page.length - 1]![0];
  }
  const dismissed = new Set(
    rowsOf<{ a: string; b: string }>(
      await ctx.db.execute(sql`select person_a_id as a, person_b_id as b from ${duplicateDismissals}
        where workspace_id = ${ctx.workspaceId}`),
    ).flatMap(({ a, b }) => [`${a}:${b}`, `${b}:${a}`]),
  );
  const candidates: Candidate[] = [];
  for (const { kind, ids } of groups.values()) {
    if (ids.length < 2 || ids.length > MAX_GROUP) continue;
    for (const x of ids) {
      for (const y of ids) {
        if (x < y && !dismissed.has(`${x}:${y}`)) candidates.push({ a: x, b: y, kind });
        if (candidates.length >= MAX_CANDIDATES) return candidates;
      }
    }
  }
  return candidates;
}

/**
 * Detection reads every person, so its pairs are remembered per workspace until people, their
 * organizations or "not the same person" answers change: the People page asks for the count on
 * every visit, and at 50,000 people reading the candidates' names and comparing them again took
 * about 200 ms of the embedded database's only connection each time, with nothing changed.
 * Organizations count because a pair shows its people's organization names, and removing an
 * organization clears its people's organization without touching their version.
 */
const cache = new Map<string, { fingerprint: string; pairs: DuplicatePair[] }>();
const inFlight = new Map<string, { fingerprint: string; pairs: Promise<DuplicatePair[]> }>();

async function fingerprint(ctx: Ctx): Promise<string> {
  const rows = rowsOf<{ f: string }>(
    await ctx.db.execute(sql`select concat_ws('|',
      (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '') || ':'
         || coalesce(max(created_at)::text, '')
       from people where workspace_id = ${ctx.workspaceId}),
      (select count(*) || ':' || coalesce(sum(version), 0)
       from organizations where workspace_id = ${ctx.workspaceId}),
      (select count(*) || ':' || coalesce(max(created_at)::text, '')
       from duplicate_dismissals where workspace_id = ${ctx.workspaceId})) as f`),
  );
  return rows[0]!.f;
}

async function briefs(ctx: Ctx, ids: string[]): Promise<Map<string, PersonBrief>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .select({
      id: people.id,
      fullName: people.fullName,
      title: people.title,
      organizationName: organizations.name,
      email: people.email,
      linkedinUrl: people.linkedinUrl,
      version: people.version,
    })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(and(eq(people.workspaceId, ctx.workspaceId), inArray(people.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

const REASON_ORDER = { linkedin: 0, email: 1, name: 2 } as const;

/** Every likely duplicate pair, strongest reasons first, without pairs marked "not the same person". */
async function allPairs(ctx: Ctx): Promise<DuplicatePair[]> {
  const f = await fingerprint(ctx);
  const hit = cache.get(ctx.workspaceId);
  if (hit?.fingerprint === f) return hit.pairs;
  // Several requests for the same unchanged people (two tabs, the badge and the page) share one run.
  const running = inFlight.get(ctx.workspaceId);
  if (running?.fingerprint === f) return running.pairs;
  const pairs = findPairs(ctx);
  inFlight.set(ctx.workspaceId, { fingerprint: f, pairs });
  try {
    cache.set(ctx.workspaceId, { fingerprint: f, pairs: await pairs });
    return await pairs;
  } finally {
    if (inFlight.get(ctx.workspaceId)?.pairs === pairs) inFlight.delete(ctx.workspaceId);
  }
}

async function findPairs(ctx: Ctx): Promise<DuplicatePair[]> {
  const candidates = await candidatePairs(ctx);
  const people = await briefs(ctx, [...new Set(candidates.flatMap((c) => [c.a, c.b]))]);
  const byPair = new Map<string, DuplicatePair>();
  for (const c of candidates) {
    const a = people.get(c.a);
    const b = people.get(c.b);
    if (!a || !b) continue;
    let reason: DuplicateReason | null = null;
    if (c.kind === 'linkedin' && linkedInKey(a.linkedinUrl) === linkedInKey(b.linkedinUrl))
      reason = { kind: 'linkedin' };
    if (c.kind === 'email' && emailKey(a.email) === emailKey(b.email)) reason = { kind: 'email' };
    if (c.kind === 'name') {
      const match = compareNames(a.fullName, b.fullName);
      if (match) reason = { kind: 'name', ...match };
    }
    if (!reason) continue;
    const key = `${c.a}:${c.b}`;
    // Both name groupings can propose the same pair ("Ana Silva" twice): one reason is enough.
    if (byPair.get(key)?.reasons.some((r) => r.kind === reason.kind)) continue;
    // The fuller name is offered as the one to keep: "Jonathan Smith" rather than "J. Smith".
    const [first, second] = b.fullName.trim().length > a.fullName.trim().length ? [b, a] : [a, b];
    const pair = byPair.get(key) ?? { a: first, b: second, reasons: [], labels: [] };
    pair.reasons.push(reason);
    byPair.set(key, pair);
  }
  const pairs = [...byPair.values()];
  for (const p of pairs) {
    p.reasons.sort((x, y) => REASON_ORDER[x.kind] - REASON_ORDER[y.kind]);
    p.labels = p.reasons.map(reasonLabel);
  }
  return pairs.sort(
    (x, y) =>
      y.reasons.length - x.reasons.length ||
      REASON_ORDER[x.reasons[0]!.kind] - REASON_ORDER[y.reasons[0]!.kind] ||
      x.a.fullName.localeCompare(y.a.fullName),
  );
}

/** Likely duplicate pairs, a page at a time, each with the reasons it was proposed. */
export async function listDuplicates(
  ctx: Ctx & { limit?: number; offset?: number },
): Promise<{ items: DuplicatePair[]; total: number }> {
  const pairs = await allPairs(ctx);
  const offset = ctx.offset ?? 0;
  return { items: pairs.slice(offset, offset + (ctx.limit ?? 50)), total: pairs.length };
}

export type { HistoryCounts };

async function historyCounts(ctx: Ctx, id: string): Promise<HistoryCounts> {
  const rows = rowsOf<HistoryCounts>(
    await ctx.db.execute(sql`select
      (select count(*)::int from conversation_participants where person_id = ${id}) as conversations,
      (select count(*)::int from messages where person_id = ${id}) as messages,
      (select count(*)::int from notes where person_id = ${id}) as notes,
      (select count(*)::int from introductions where introducer_id = ${id} or introduced_id = ${id}) as introductions,
      (select count(*)::int from tasks where person_id = ${id}) as tasks`),
  );
  return rows[0]!;
}

export interface FieldComparison {
  field: MergeField;
  label: string;
  kept: unknown;
  other: unknown;
  /** What the kept person's value shows as (the organization's name rather than its id). */
  keptText: string | null;
  otherText: string | null;
  differs: boolean;
  defaultChoice: MergeChoice;
}

export interface Comparison {
  kept: Person;
  other: Person;
  fields: FieldComparison[];
  counts: { kept: HistoryCounts; other: HistoryCounts };
  reasons: string[];
}

function shown(person: Person, field: MergeField): string | null {
  if (field === 'organizationId') return person.organizationName;
  const value = person[field];
  return value === null || value === undefined || value === '' ? null : String(value);
}

/** Two people side by side: each field with the default pick, and how much history each has. */
export async function comparePeople(ctx: Ctx & { keptId: string; otherId: string }): Promise<Comparison> {
  if (ctx.keptId === ctx.otherId) {
    throw new AppError('validation', {
      userMessage: 'otherId: choose two different people to compare.',
      issues: [{ field: 'otherId', message: 'is the same person' }],
    });
  }
  const [kept, other] = await Promise.all([
    getPerson({ ...ctx, id: ctx.keptId }),
    getPerson({ ...ctx, id: ctx.otherId }),
  ]);
  const differing = new Set(differingFields(kept, other));
  const [keptCounts, otherCounts] = await Promise.all([
    historyCounts(ctx, kept.id),
    historyCounts(ctx, other.id),
  ]);
  const reasons: string[] = [];
  if (linkedInKey(kept.linkedinUrl) && linkedInKey(kept.linkedinUrl) === linkedInKey(other.linkedinUrl)) {
    reasons.push(reasonLabel({ kind: 'linkedin' }));
  }
  if (emailKey(kept.email) && emailKey(kept.email) === emailKey(other.email))
    reasons.push(reasonLabel({ kind: 'email' }));
  const names = compareNames(kept.fullName, other.fullName);
  if (names && kept.organizationId && kept.organizationId === other.organizationId) {
    reasons.push(reasonLabel({ kind: 'name', ...names }));
  }
  return {
    kept,
    other,
    fields: MERGE_FIELDS.map((field) => ({
      field,
      label: MERGE_FIELD_LABELS[field],
      kept: kept[field],
      other: other[field],
      keptText: shown(kept, field),
      otherText: shown(other, field),
      differs: differing.has(field),
      defaultChoice: defaultChoice(field, kept, other),
    })),
    counts: { kept: keptCounts, other: otherCounts },
    reasons,
  };
}

/** Remembers that two people are not the same person, so the pair is not proposed again. */
export async function dismissPair(ctx: Ctx & { aId: string; bId: string }): Promise<void> {
  if (ctx.aId === ctx.bId) {
    throw new AppError('validation', {
      userMessage: 'bId: a person is always the same as themselves; choose two different people.',
      issues: [{ field: 'bId', message: 'is the same person as aId' }],
    });
  }
  await getPerson({ ...ctx, id: ctx.aId });
  await getPerson({ ...ctx, id: ctx.bId });
  await ctx.db
    .insert(duplicateDismissals)
    .values({ workspaceId: ctx.workspaceId, personAId: ctx.aId, personBId: ctx.bId, createdAt: ctx.now() })
    .onConflictDoNothing();
}
