/**
 * Fills a workspace with a large, believable network (organizations, people with tags and
 * introducers, conversations with their whole status history, notes) for benchmarks.
 * Rows are built in memory with their ids, then written with multi-row inserts of about a
 * thousand rows inside one transaction: PGlite is about 5x slower row by row.
 */
import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { openPglite } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import {
  conversationParticipants,
  conversationStatusHistory,
  conversations,
  goals,
  introductions,
  meetings,
  notes,
  organizations,
  people,
  personTags,
  tags,
} from '../src/db/schema.js';
import { organizationKey } from '../src/domain/names.js';
import type { Ctx } from '../src/services/context.js';
import { ensureDefaultWorkspace } from '../src/services/workspaces.js';
import {
  CITIES,
  createRng,
  FIRST_NAMES,
  FUNCTIONS,
  HOW_WE_KNOW,
  INDUSTRIES,
  jobTitle,
  LAST_NAMES,
  organizationName,
  personNoteBody,
  type Rng,
  SENIORITY_WEIGHTS,
  slug,
  TAG_NAMES,
} from './fake-data.js';
import { buildConversations, type Row } from './generate-conversations.js';

export interface GenerateOptions {
  people: number;
  organizations?: number;
  conversations?: number;
  /** Average notes per person; fractions allowed (0.5 = every other person has one). */
  notesPerPerson?: number;
  /** Same seed, same shape of workspace (ids still differ). */
  seed?: number;
  batchSize?: number;
}

export interface GeneratedWorkspace {
  organizationIds: string[];
  personIds: string[];
  conversationIds: string[];
  /** Rows written per table. */
  counts: Record<string, number>;
  /** Time to build the rows in memory and to write them, in milliseconds. */
  buildMs: number;
  insertMs: number;
}

const DAY = 86_400_000;

/** Sizes that keep a real job search's proportions when only the number of people is given. */
export function defaultSizes(people: number): Required<Omit<GenerateOptions, 'seed' | 'batchSize'>> {
  return {
    people,
    organizations: Math.max(1, Math.round(people / 20)),
    conversations: Math.round(people / 5),
    notesPerPerson: 0.5,
  };
}

function buildOrganizations(rng: Rng, ctx: Ctx, count: number): Row[] {
  const seen = new Set<string>();
  const rows: Row[] = [];
  const now = ctx.now().getTime();
  for (let attempt = 0; rows.length < count; attempt++) {
    const { industry, words } = rng.pick(INDUSTRIES);
    // Once the word combinations run out, a branch name keeps names unique.
    const base = organizationName(rng, words);
    const name = attempt > count * 4 ? `${base} ${rng.pick(CITIES).city} ${attempt}` : base;
    const nameKey = organizationKey(name);
    if (seen.has(nameKey)) continue;
    seen.add(nameKey);
    const created = new Date(now - rng.int(30, 730) * DAY);
    rows.push({
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      name,
      nameKey,
      website: rng.chance(0.8) ? `https://www.${slug(nameKey)}.example` : null,
      industry,
      location: rng.pick(CITIES).city,
      createdAt: created,
      updatedAt: created,
    });
  }
  return rows;
}

interface PeopleRows {
  people: Row[];
  personTags: Row[];
  introductions: Row[];
  notes: Row[];
}

function buildPeople(rng: Rng, ctx: Ctx, opts: Required<GenerateOptions>, orgs: Row[], tagIds: string[]) {
  const out: PeopleRows = { people: [], personTags: [], introductions: [], notes: [] };
  const now = ctx.now().getTime();
  for (let i = 0; i < opts.people; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const org = rng.chance(0.9) && orgs.length ? rng.pick(orgs) : undefined;
    const fn = rng.pick(FUNCTIONS);
    const seniority = rng.weighted(SENIORITY_WEIGHTS);
    const place = rng.pick(CITIES);
    const id = randomUUID();
    const created = new Date(now - rng.int(0, 730) * DAY - rng.int(0, DAY));
    const domain = org ? `${slug(String(org.nameKey))}.example` : 'mail.example';
    const handle = `${slug(first)}.${slug(last)}`;
    out.people.push({
      id,
      workspaceId: ctx.workspaceId,
      fullName: `${first} ${last}`,
      title: jobTitle(rng, fn, seniority),
      function: fn.name,
      seniority,
      organizationId: org?.id ?? null,
      email: rng.chance(0.7) ? `${handle}${rng.chance(0.2) ? rng.int(1, 99) : ''}@${domain}` : null,
      phone: rng.chance(0.3) ? `+1 555 ${rng.int(100, 999)} ${rng.int(1000, 9999)}` : null,
      linkedinUrl: rng.chance(0.6) ? `https://www.linkedin.com/in/${handle}-${id.slice(0, 6)}` : null,
      location: place.city,
      timeZone: place.timeZone,
      howWeKnow: rng.chance(0.7) ? rng.pick(HOW_WE_KNOW) : null,
      keepInTouch: rng.weighted([
        ['unknown', 6],
        ['yes', 3],
        ['no', 1],
      ] as const),
      keepInTouchEveryDays: rng.chance(0.2) ? rng.pick([30, 60, 90, 180]) : null,
      preferredChannel: rng.chance(0.5) ? rng.pick(['email', 'linkedin', 'phone', 'text']) : null,
      connectedOn: rng.chance(0.5) ? created.toISOString().slice(0, 10) : null,
      source: rng.weighted([
        ['manual', 5],
        ['linkedin', 4],
        ['csv', 1],
      ] as const),
      createdAt: created,
      updatedAt: created,
    });
    const tagCount = rng.weighted([
      [0, 4],
      [1, 3],
      [2, 2],
      [3, 1],
    ] as const);
    const chosen = new Set<string>();
    for (let t = 0; t < tagCount; t++) chosen.add(rng.pick(tagIds));
    for (const tagId of chosen) out.personTags.push({ personId: id, tagId });
    // One in ten was introduced by someone already in the list.
    if (i > 0 && rng.chance(0.1)) {
      const introducer = out.people[rng.int(0, i - 1)]!;
      out.introductions.push({
        id: randomUUID(),
        workspaceId: ctx.workspaceId,
        introducerId: introducer.id,
        introducedId: id,
        introducedOn: created.toISOString().slice(0, 10),
        createdAt: created,
      });
    }
    const noteCount = Math.floor(opts.notesPerPerson) + (rng.chance(opts.notesPerPerson % 1) ? 1 : 0);
    for (let n = 0; n < noteCount; n++) {
      const at = new Date(created.getTime() + rng.int(0, now - created.getTime()));
      out.notes.push({
        id: randomUUID(),
        workspaceId: ctx.workspaceId,
        personId: id,
        kind: rng.weighted([
          ['note', 6],
          ['research', 2],
          ['call', 2],
        ] as const),
        body: personNoteBody(rng, first, org ? String(org.name) : null),
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return out;
}

/** Inserts rows a batch at a time; returns how many were written. */
async function insertAll(db: Ctx['db'], table: PgTable, rows: Row[], batchSize: number): Promise<number> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db.insert(table).values(rows.slice(i, i + batchSize) as never);
  }
  return rows.length;
}

/**
 * Adds a generated network to the workspace of `ctx`, in one transaction. Dates are spread over
 * the two years before `ctx.now()`. Returns the new ids so benchmarks can pick records to read.
 */
export async function generateWorkspace(ctx: Ctx, options: GenerateOptions): Promise<GeneratedWorkspace> {
  const sizes = defaultSizes(options.people);
  const opts: Required<GenerateOptions> = {
    people: options.people,
    organizations: options.organizations ?? sizes.organizations,
    conversations: options.conversations ?? sizes.conversations,
    notesPerPerson: options.notesPerPerson ?? sizes.notesPerPerson,
    seed: options.seed ?? 1,
    batchSize: options.batchSize ?? 1000,
  };
  const rng = createRng(opts.seed);
  const started = performance.now();
  const orgRows = buildOrganizations(rng, ctx, opts.organizations);
  const tagRows = TAG_NAMES.map((name) => ({ id: randomUUID(), workspaceId: ctx.workspaceId, name }));
  const built = buildPeople(
    rng,
    ctx,
    opts,
    orgRows,
    tagRows.map((t) => t.id),
  );
  const convo = buildConversations(rng, ctx, opts.conversations, built.people);
  const buildMs = performance.now() - started;

  const plan: [string, PgTable, Row[]][] = [
    ['organizations', organizations, orgRows],
    ['tags', tags, tagRows],
    ['people', people, built.people],
    ['person_tags', personTags, built.personTags],
    ['introductions', introductions, built.introductions],
    ['conversations', conversations, convo.conversations],
    ['conversation_participants', conversationParticipants, convo.participants],
    ['conversation_status_history', conversationStatusHistory, convo.history],
    ['goals', goals, convo.goals],
    ['meetings', meetings, convo.meetings],
    ['notes', notes, [...built.notes, ...convo.notes]],
  ];
  const counts: Record<string, number> = {};
  const insertStarted = performance.now();
  await ctx.db.transaction(async (tx) => {
    for (const [name, table, rows] of plan) {
      counts[name] = await insertAll(tx as unknown as Ctx['db'], table, rows, opts.batchSize);
    }
  });
  return {
    organizationIds: orgRows.map((r) => String(r.id)),
    personIds: built.people.map((r) => String(r.id)),
    conversationIds: convo.conversations.map((r) => String(r.id)),
    counts,
    buildMs,
    insertMs: performance.now() - insertStarted,
  };
}

export interface SeededFolder extends GeneratedWorkspace {
  /** Opening the folder (initdb on a new one) and applying migrations. */
  openMs: number;
  /** Closing, which checkpoints everything written. */
  closeMs: number;
}

/**
 * Creates (or extends) an embedded data folder with a generated workspace, then closes it so a
 * server process can open it. Nothing else may hold the folder meanwhile.
 */
export async function seedDataFolder(
  dataDir: string,
  options: GenerateOptions & { now?: () => Date },
): Promise<SeededFolder> {
  const opened = performance.now();
  const handle = await openPglite({ dataDir });
  try {
    await migrate(handle);
    const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db);
    const openMs = performance.now() - opened;
    const ctx: Ctx = { db: handle.db, workspaceId, userId, now: options.now ?? (() => new Date()) };
    const generated = await generateWorkspace(ctx, options);
    const closing = performance.now();
    await handle.close();
    return { ...generated, openMs, closeMs: performance.now() - closing };
  } finally {
    await handle.close();
  }
}
