/**
 * Where a long job's time goes on the embedded database, in-process (issue 12, point 6): every
 * PGlite call is timed (wall and CPU time, fsyncs) and named by its statement, while the first
 * page of people is asked for every 25 ms, and the event loop's longest blocks are listed with
 * the calls inside them. CPU time is the figure to compare on a busy machine, where wall times
 * are several times longer; the timing itself adds a little to every call.
 *
 * Usage: npx tsx bench/long-work-profile.ts import|restore [people=20000] [rows=30000]
 * GIN_KB=64 first sets gin_pending_list_limit of every GIN index to that many kB (to compare).
 * The seeded folder is kept in the system's temporary folder and copied for each run.
 */

import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../src/db/client.js';
import { fsyncsSoFar } from '../src/db/durable-fs.js';
import { migrate } from '../src/db/migrate.js';
import { parseLinkedInConnectionsInTurns } from '../src/domain/linkedin.js';
import { createBackup } from '../src/services/backup/backup.js';
import { applyRestore } from '../src/services/backup/restore.js';
import type { Ctx } from '../src/services/context.js';
import { applyLinkedInImport } from '../src/services/imports/import-linkedin.js';
import { listPeopleJson } from '../src/services/people/people.js';
import { ensureDefaultWorkspace } from '../src/services/settings/workspaces.js';
import { seedDataFolder } from './generate.js';
import { connectionsCsv, knownPeople } from './linkedin-import.js';

const kind = process.argv[2] ?? 'import';
const nPeople = Number(process.argv[3] ?? 20000);
const nRows = Number(process.argv[4] ?? 30000);

async function seeded(): Promise<string> {
  const cache = join(tmpdir(), `rapport-profile-seed-${nPeople}`);
  if (!existsSync(cache)) {
    await mkdir(cache, { recursive: true });
    await seedDataFolder(cache, { people: nPeople, messages: 0 });
  }
  const dir = await mkdtemp(join(tmpdir(), 'waits2-prof-'));
  await cp(cache, join(dir, 'data'), { recursive: true });
  return dir;
}

interface Call {
  ms: number;
  cpu: number;
  label: string;
  fsyncs: number;
  at: number;
}

function instrument(pglite: unknown, calls: Call[]) {
  const pg = pglite as { execProtocolRawSync: (m: Uint8Array) => unknown };
  const raw = pg.execProtocolRawSync.bind(pg);
  const dec = new TextDecoder();
  /** A NUL-terminated string of a protocol message at `at`, and where the next field starts. */
  const field = (m: Uint8Array, at: number): [string, number] => {
    const end = m.indexOf(0, at);
    const stop = end < 0 ? m.length : end;
    return [dec.decode(m.subarray(at, Math.min(stop, at + 400))), stop + 1];
  };
  // The client keeps statements prepared by name (src/db/pglite-prepared.ts): a later run is a
  // Bind of that name alone, labelled here with the text its Parse carried.
  const prepared = new Map<string, string>();
  let label = '?';
  pg.execProtocolRawSync = (m: Uint8Array) => {
    const type = String.fromCharCode(m[0]!);
    if (type === 'Q') label = field(m, 5)[0].replace(/\s+/g, ' ').slice(0, 90);
    else if (type === 'P') {
      const [name, at] = field(m, 5);
      label = field(m, at)[0].replace(/\s+/g, ' ').slice(0, 90);
      if (name) prepared.set(name, label);
    } else if (type === 'B') {
      const [statement] = field(m, field(m, 5)[1]);
      if (statement) label = prepared.get(statement) ?? `prepared ${statement}`;
    }
    const f = fsyncsSoFar();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      return raw(m);
    } finally {
      const c = process.cpuUsage(c0);
      calls.push({
        ms: performance.now() - t0,
        cpu: (c.user + c.system) / 1000,
        label: `${type} ${label}`,
        fsyncs: fsyncsSoFar() - f,
        at: t0,
      });
    }
  };
}

async function probe(ctx: Ctx, done: Promise<unknown>) {
  let finished = false;
  void done.then(
    () => {
      finished = true;
    },
    () => {
      finished = true;
    },
  );
  const waits: { ms: number; at: number }[] = [];
  // A request "arrives" 25 ms after the last answer; a call that held the thread then counts.
  let t0 = performance.now();
  while (!finished) {
    await listPeopleJson({ ...ctx, limit: 1 });
    waits.push({ ms: performance.now() - t0, at: t0 });
    const next = performance.now() + 25;
    await new Promise((r) => setTimeout(r, 25));
    t0 = next;
  }
  return waits;
}

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
}

async function main() {
  const dir = await seeded();
  try {
    let bytes: Uint8Array | undefined;
    let csv = '';
    if (kind === 'restore') {
      const h = await openPglite({ dataDir: join(dir, 'data') });
      const { workspaceId, userId } = await ensureDefaultWorkspace(h.db);
      bytes = (await createBackup({ db: h.db, workspaceId, userId, now: () => new Date() })).bytes;
      await h.close();
      await rm(join(dir, 'data'), { recursive: true });
      await mkdir(join(dir, 'data'));
    } else {
      const known = await knownPeople(join(dir, 'data'), Math.floor(nRows / 2));
      csv = connectionsCsv(known, nRows - known.length);
    }
    const handle = await openPglite({ dataDir: join(dir, 'data') });
    await migrate(handle);
    const { workspaceId, userId } = await ensureDefaultWorkspace(handle.db);
    const ctx: Ctx = { db: handle.db, workspaceId, userId, now: () => new Date() };
    if (process.env.GIN_KB) {
      const r = await handle.pglite!.query<{ n: string }>(
        `select indexrelid::regclass::text as n from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam where a.amname = 'gin'`,
      );
      for (const { n } of r.rows)
        await handle.pglite!.exec(
          `alter index ${n} set (gin_pending_list_limit = ${process.env.GIN_KB}); select gin_clean_pending_list('${n}'::regclass)`,
        );
      console.log(`gin_pending_list_limit ${process.env.GIN_KB} kB on ${r.rows.length} indexes`);
    }
    const calls: Call[] = [];
    instrument(handle.pglite, calls);
    const progressAt: number[] = [];
    const blocks: { at: number; ms: number }[] = [];
    let tick = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      if (now - tick > 30) blocks.push({ at: tick, ms: now - tick });
      tick = now;
    }, 5);
    const t0 = performance.now();
    const work =
      kind === 'restore'
        ? applyRestore({ ...ctx, bytes: bytes!, onProgress: () => progressAt.push(performance.now() - t0) })
        : applyLinkedInImport(ctx, {
            ...(await parseLinkedInConnectionsInTurns(csv, () => new Promise((r) => setImmediate(r)))),
            onProgress: () => progressAt.push(performance.now() - t0),
          });
    const [, waits] = await Promise.all([work, probe(ctx, work)]);
    const total = performance.now() - t0;
    clearInterval(timer);
    console.log('event-loop blocks (wall ms, of which in PGlite calls; cpu of those calls):');
    for (const b of [...blocks].sort((x, y) => y.ms - x.ms).slice(0, 12)) {
      const inside = calls.filter((c) => c.at >= b.at && c.at + c.ms <= b.at + b.ms + 1);
      const db = inside.reduce((a, c) => a + c.ms, 0);
      const cpu = inside.reduce((a, c) => a + c.cpu, 0);
      console.log(
        `  ${b.ms.toFixed(0)} ms at ${((b.at - t0) / 1000).toFixed(2)} s: db ${db.toFixed(0)} ms (cpu ${cpu.toFixed(0)}), js ${(b.ms - db).toFixed(0)} ms; ${inside
          .filter((c) => c.ms > 5)
          .map((c) => c.label.slice(0, 40))
          .join(' | ')}`,
      );
    }
    const w = waits.map((x) => x.ms);
    console.log(`${kind}: total ${(total / 1000).toFixed(2)} s, progress ${progressAt.length} lines`);
    console.log(
      `probe: n=${w.length} p50=${pct(w, 0.5).toFixed(1)} p90=${pct(w, 0.9).toFixed(1)} p99=${pct(w, 0.99).toFixed(1)} max=${Math.max(...w).toFixed(1)} ms`,
    );
    const worst = [...waits].sort((a, b) => b.ms - a.ms).slice(0, 8);
    for (const x of worst) {
      const during = calls.filter((c) => c.at + c.ms >= x.at && c.at <= x.at + x.ms && c.ms > 3);
      console.log(
        `  wait ${x.ms.toFixed(1)} ms at ${((x.at - t0) / 1000).toFixed(2)} s: ${during.map((c) => `${c.ms.toFixed(0)}ms[${c.fsyncs}] ${c.label.slice(0, 50)}`).join(' | ')}`,
      );
    }
    const syncing = calls.filter((c) => c.fsyncs > 0);
    const syncedBy = new Map<string, number>();
    for (const c of syncing)
      syncedBy.set(c.label.slice(0, 40), (syncedBy.get(c.label.slice(0, 40)) ?? 0) + 1);
    console.log(
      `fsyncs waited for: ${syncing.reduce((a, c) => a + c.fsyncs, 0)} in ${syncing.length} calls (${[
        ...syncedBy,
      ]
        .map(([k, n]) => `${n}× ${k}`)
        .join(' | ')})`,
    );
    const by = new Map<string, number[]>();
    for (const c of calls) {
      const k = c.label.slice(0, 70);
      by.set(k, [...(by.get(k) ?? []), c.cpu]);
    }
    console.log(
      `cpu of all calls ${(calls.reduce((a, c) => a + c.cpu, 0) / 1000).toFixed(2)} s; calls by statement, CPU ms (sum, n, p50, p90, max):`,
    );
    const rows = [...by.entries()].map(([k, xs]) => ({ k, sum: xs.reduce((a, b) => a + b, 0), xs }));
    for (const r of rows.sort((a, b) => b.sum - a.sum).slice(0, 25)) {
      console.log(
        `  ${r.sum.toFixed(0).padStart(6)} ${String(r.xs.length).padStart(5)} ${pct(r.xs, 0.5).toFixed(1).padStart(6)} ${pct(r.xs, 0.9).toFixed(1).padStart(6)} ${Math.max(
          ...r.xs,
        )
          .toFixed(1)
          .padStart(6)}  ${r.k}`,
      );
    }
    console.log('longest calls by CPU:');
    for (const c of [...calls].sort((a, b) => b.cpu - a.cpu).slice(0, 15)) {
      console.log(
        `  cpu ${c.cpu.toFixed(1)} ms wall ${c.ms.toFixed(1)} ms fsyncs=${c.fsyncs} at ${((c.at - t0) / 1000).toFixed(2)} s ${c.label}`,
      );
    }
    await handle.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
await main();
