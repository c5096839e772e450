/**
 * Fills a workspace with a large, believable network (organizations, people with tags and
 * introducers, conversations with their whole status history, notes, the outreach log and tasks)
 * for benchmarks.
 * Rows are built in memory with their ids, then written in batches with `INSERT … SELECT unnest`
 * inside one transaction: PGlite is about 5x slower row by row (see bulk-insert.ts).
 */
import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Db, openPglite } from '../src/db/client.js';
import { acquireLock } from '../src/db/lock.js';
import { vacuumIfNeeded } from '../src/db/maintenance.js';
import { migrate } from '../src/db/migrate.js';
import {
  conversationParticipants,
  conversationStatusHistory,
  conversations,
  goals,
  introductions,
  meetings,
  messages,
  notes,
  organizations,
  people,
  personTags,
  tags,
  tasks,
} from '../src/db/schema.js';
import type { Ctx } from '../src/services/context.js';
import { getSettings } from '../src/services/settings/settings.js';
import { ensureDefaultWorkspace } from '../src/services/settings/workspaces.js';
import { bulkInsert, type Row } from './bulk-insert.js';
import { createRng, TAG_NAMES } from './fake-data.js';
import { buildConversations } from './generate-conversations.js';
import { buildOutreach } from './generate-outreach.js';
import { buildOrganizations, buildPeople } from './generate-people.js';

export interface GenerateOptions {
  people: number;
  organizations?: number;
  conversations?: number;
  /** Average notes per person; fractions allowed (0.5 = every other person has one). */
  notesPerPerson?: number;
  /** Messages in the outreach log, approximately; 0 leaves the log, tasks and last interactions empty. */
  messages?: number;
  /** Tasks, a quarter of them open and due around today. */
  tasks?: number;
  /** Conversations still scheduled with their meeting today or tomorrow (user's zone). */
  upcomingMeetings?: number;
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
  insertMsByTable: Record<string, number>;
}

/** Sizes that keep a real job search's proportions when only the number of people is given. */
export function defaultSizes(people: number): Required<Omit<GenerateOptions, 'seed' | 'batchSize'>> {
  return {
    people,
    organizations: Math.max(1, Math.round(people / 20)),
    conversations: Math.round(people / 5),
    notesPerPerson: 0.5,
    messages: people * 4,
    tasks: Math.round(people / 40),
    upcomingMeetings: Math.max(1, Math.round(people / 1500)),
  };
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
    messages: options.messages ?? sizes.messages,
    tasks: options.tasks ?? sizes.tasks,
    upcomingMeetings: options.upcomingMeetings ?? sizes.upcomingMeetings,
    seed: options.seed ?? 1,
    batchSize: options.batchSize ?? 5000,
  };
  const rng = createRng(opts.seed);
  // "Today" and the default keep-in-touch interval are the user's, as the agenda counts them.
  const settings = await getSettings(ctx);
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
  const convo = buildConversations(rng, ctx, opts.conversations, built.people, {
    upcomingMeetings: opts.upcomingMeetings,
    timeZone: settings.timeZone,
  });
  const outreach = buildOutreach(
    rng,
    ctx,
    {
      messages: opts.messages,
      tasks: opts.messages > 0 ? opts.tasks : 0,
      timeZone: settings.timeZone,
      keepInTouchDefaultDays: settings.keepInTouchDefaultDays,
    },
    built.people,
    new Map(orgRows.map((o) => [String(o.id), String(o.name)])),
    convo,
  );
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
    ['messages', messages, outreach.messages],
    ['tasks', tasks, outreach.tasks],
  ];
  const counts: Record<string, number> = {};
  const insertMsByTable: Record<string, number> = {};
  const insertStarted = performance.now();
  await ctx.db.transaction(async (tx) => {
    for (const [name, table, rows] of plan) {
      const t0 = performance.now();
      counts[name] = await bulkInsert(tx as unknown as Db, table, rows, opts.batchSize);
      insertMsByTable[name] = performance.now() - t0;
    }
  });
  return {
    organizationIds: orgRows.map((r) => String(r.id)),
    personIds: built.people.map((r) => String(r.id)),
    conversationIds: convo.conversations.map((r) => String(r.id)),
    counts,
    buildMs,
    insertMs: performance.now() - insertStarted,
    insertMsByTable,
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
 * server process can open it. Holds the folder's lock meanwhile, as the server does.
 */
export async function seedDataFolder(
  dataDir: string,
  options: GenerateOptions & {
    now?: () => Date;
    /** Vacuumed and analyzed after writing, as the server's maintenance leaves a folder at rest. */
    maintained?: boolean;
  },
): Promise<SeededFolder> {
  const opened = performance.now();
  const lock = acquireLock(dataDir);
  const handle = await openPglite({ dataDir }).catch((err: unknown) => {
    lock.release();
    throw err;
  });
  try {
    await migrate(handle);
    const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db);
    const openMs = performance.now() - opened;
    const ctx: Ctx = { db: handle.db, workspaceId, userId, now: options.now ?? (() => new Date()) };
    const generated = await generateWorkspace(ctx, options);
    if (options.maintained) await vacuumIfNeeded(handle, { all: true });
    const closing = performance.now();
    await handle.close();
    return { ...generated, openMs, closeMs: performance.now() - closing };
  } finally {
    await handle.close();
    lock.release();
  }
}
