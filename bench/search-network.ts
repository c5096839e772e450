/**
 * Search (issue: preparation and knowledge) and network figures (issue: network and results):
 * full-text search over 50,000 people and 100,000 notes and insights, broad and selective, on the
 * embedded database and, when BENCH_DATABASE_URL names a PostgreSQL server, with the same SQL there;
 * warm paths to one organization and the whole dashboard with 20,000 introductions.
 */
import { randomUUID } from 'node:crypto';

import pg from 'pg';
import { type DbHandle, openPglite, openPostgres } from '../src/db/client.js';
import { vacuumIfNeeded } from '../src/db/maintenance.js';
import { migrate } from '../src/db/migrate.js';
import { insights, introductions } from '../src/db/schema.js';
import type { Ctx } from '../src/services/context.js';
import { warmPathsTo } from '../src/services/network/warm-paths.js';
import { dashboard } from '../src/services/results/stats.js';
import { search } from '../src/services/search/search.js';
import { ensureDefaultWorkspace } from '../src/services/settings/workspaces.js';
import { bulkInsert, type Row } from './bulk-insert.js';
import { generateWorkspace } from './generate.js';
import { type Figure, millis, progress, quantile } from './report.js';

const TOPICS = ['culture', 'skills_wanted', 'hiring_process', 'trends', 'advice', 'unadvertised_opening'];
const PHRASES = [
  'Strong SQL and clear writing matter more than any certificate',
  'The team hires juniors from its meetup every spring',
  'Most analysts move into product roles within three years',
  'They value a portfolio with one finished project over many courses',
  'Remote work is the norm but onboarding happens in person',
  'An unadvertised opening for a learning designer comes up in January',
];

export async function fill(ctx: Ctx, people: number): Promise<{ orgIds: string[] }> {
  const generated = await generateWorkspace(ctx, { people, notesPerPerson: 1.5, messages: 0 });
  const { personIds, organizationIds, conversationIds } = generated;
  const pick = <T>(a: T[], i: number) => a[(i * 7919) % a.length]!;
  const insightRows: Row[] = [];
  for (let i = 0; i < 25_000; i++) {
    insightRows.push({
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      conversationId: pick(conversationIds, i),
      personId: pick(personIds, i + 3),
      organizationId: pick(organizationIds, i + 5),
      role: i % 3 ? 'Data analyst' : 'Learning designer',
      topic: TOPICS[i % TOPICS.length],
      body: `${PHRASES[i % PHRASES.length]} (${i})`,
      skills: i % 2 ? ['SQL', 'Python'] : ['Writing'],
      createdAt: ctx.now(),
    });
  }
  // Array columns do not fit the unnest insert; plain multi-row inserts do.
  for (let i = 0; i < insightRows.length; i += 1000) {
    await ctx.db.insert(insights).values(insightRows.slice(i, i + 1000) as (typeof insights.$inferInsert)[]);
  }
  // The generator makes one introduction per ten people; top up to 20,000 edges.
  const existing = generated.counts.introductions ?? 0;
  const edges: Row[] = [];
  const seen = new Set<string>();
  for (let i = 0; edges.length < 20_000 - existing; i++) {
    const a = pick(personIds, i * 3 + 1);
    const b = pick(personIds, i * 5 + 2);
    if (a === b || seen.has(`${a}:${b}`)) continue;
    seen.add(`${a}:${b}`);
    edges.push({
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      introducerId: a,
      introducedId: b,
      state: 'made',
      createdAt: ctx.now(),
    });
  }
  await bulkInsert(ctx.db, introductions, edges).catch(() => 0);
  return { orgIds: organizationIds };
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

function figure(label: string, ms: number[], goal: number, detail?: string): Figure[] {
  const p95 = quantile(ms, 0.95);
  return [
    { label: `${label} p50`, value: millis(quantile(ms, 0.5)), goal: '—' },
    { label: `${label} p95`, value: millis(p95), goal: `≤ ${goal} ms`, withinGoal: p95 <= goal, detail },
  ];
}

async function measure(
  handle: DbHandle,
  people: number,
  engine: string,
): Promise<{ figures: Figure[]; p95: Record<string, number> }> {
  await migrate(handle);
  const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db);
  const ctx: Ctx = { db: handle.db, workspaceId, userId, now: () => new Date() };
  progress(`${engine}: generating ${people} people, notes, 25,000 insights and 20,000 introductions…`);
  const { orgIds } = await fill(ctx, people);
  // Both engines as routine maintenance leaves them: autovacuum on the server, our own on PGlite.
  await vacuumIfNeeded(handle, { all: true });
  const figures: Figure[] = [];
  const p95: Record<string, number> = {};
  const broad = await time(40, () => search({ ...ctx, q: 'data' }));
  const selective = await time(40, () => search({ ...ctx, q: 'unadvertised learning' }));
  const fuzzy = await time(40, () => search({ ...ctx, q: 'jonas reuter', types: ['person'] }));
  p95.broad = quantile(broad, 0.95);
  p95.selective = quantile(selective, 0.95);
  figures.push(...figure(`${engine}: search, broad ("data")`, broad, 30));
  figures.push(...figure(`${engine}: search, selective ("unadvertised learning")`, selective, 30));
  figures.push(...figure(`${engine}: search, fuzzy name ("jonas reuter")`, fuzzy, 30));
  const paths = await time(20, (i) =>
    warmPathsTo({ ...ctx, organizationId: orgIds[(i * 13) % orgIds.length]! }),
  );
  figures.push(...figure(`${engine}: warm paths to one organization`, paths, 100));
  const dash = await time(10, () => dashboard(ctx));
  figures.push(...figure(`${engine}: full dashboard`, dash, 100));
  return { figures, p95 };
}

/** Runs the section on PGlite, and on PostgreSQL when BENCH_DATABASE_URL is set. */
export async function benchSearchNetwork(opts: { people: number }): Promise<Figure[]> {
  const embedded = await openPglite({});
  let mine: Awaited<ReturnType<typeof measure>>;
  try {
    mine = await measure(embedded, opts.people, 'embedded');
  } finally {
    await embedded.close();
  }
  const figures = [...mine.figures];
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    figures.push({ label: 'PostgreSQL comparison', value: 'skipped', goal: 'set BENCH_DATABASE_URL' });
    return figures;
  }
  const name = `rapport_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const server = await openPostgres(dbUrl.toString());
  try {
    const theirs = await measure(server, opts.people, 'postgres');
    figures.push(...theirs.figures);
    for (const key of ['broad', 'selective']) {
      const ratio = (mine.p95[key] ?? 0) / Math.max(0.001, theirs.p95[key] ?? 0);
      figures.push({
        label: `search ${key}: embedded p95 / PostgreSQL p95`,
        value: `${ratio.toFixed(2)}x`,
        goal: '≤ 1.5x',
        withinGoal: ratio <= 1.5,
      });
    }
  } finally {
    await server.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return figures;
}
