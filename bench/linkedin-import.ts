/**
 * LinkedIn import (issue: import and export): a 30,000-row Connections.csv into a workspace that
 * already holds 20,000 people, through the running server as the web app sends it, then the
 * same file again (nothing changes). Half the rows are people already there — found by profile
 * URL, by e-mail, or by name and organization — and half are new, with LinkedIn's quirks:
 * the Notes preamble, missing e-mails, commas and quotes in companies, non-Latin names.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { openPglite } from '../src/db/client.js';
import { formBody } from '../test/probe.js';
import { createRng } from './fake-data.js';
import { seedDataFolder } from './generate.js';
import { atMostSeconds, type Figure, megabytes, progress, seconds } from './report.js';
import { peakRss, startServerProcess } from './server-process.js';

const GOAL_MS = 3000;
const GOAL_RSS = 700 * 1024 * 1024;
/** Issue 12.6: other requests answer within 100 ms while an import runs. */
const STALL_GOAL_MS = 100;

const PREAMBLE =
  '\uFEFFNotes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\n';
const HEADER = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NEW_NAMES = [
  ['Ana', 'Silva'],
  ['张', '伟'],
  ['Алексей', 'Смирнов'],
  ['Zoë', "O'Brien"],
  ['Nguyễn', 'Thị Hoa'],
  ['Fatima', 'Al-Sayed'],
];
const NEW_COMPANIES = [
  'Acme, Inc.',
  'The "Best" Co',
  '北京数联科技有限公司',
  'Nordlicht GmbH',
  'Río Data S.A.',
];

interface Known {
  full_name: string;
  linkedin_url: string | null;
  email: string | null;
  org: string | null;
  title: string | null;
}

/** Reads back people to re-export, as LinkedIn would list them, and closes the folder again. */
export async function knownPeople(dataDir: string, n: number): Promise<Known[]> {
  const handle = await openPglite({ dataDir });
  try {
    const result = await handle.pglite!.query<Known>(
      `select p.full_name, p.linkedin_url, p.email, o.name as org, p.title
       from people p left join organizations o on o.id = p.organization_id
       order by p.id limit $1`,
      [n],
    );
    return result.rows;
  } finally {
    await handle.close();
  }
}

export function connectionsCsv(known: Known[], newRows: number): string {
  const rng = createRng(7);
  const date = () => `${String(rng.int(1, 28)).padStart(2, '0')} ${rng.pick(MONTHS)} ${rng.int(2012, 2026)}`;
  const rows: string[][] = [];
  for (const k of known) {
    const [first, ...rest] = k.full_name.split(' ');
    // As LinkedIn does, most rows have no e-mail; a few people changed jobs since.
    rows.push([
      first ?? '',
      rest.join(' '),
      k.linkedin_url ?? '',
      rng.chance(0.2) ? (k.email ?? '') : '',
      rng.chance(0.1) ? rng.pick(NEW_COMPANIES) : (k.org ?? ''),
      k.title ?? '',
      date(),
    ]);
  }
  for (let i = 0; i < newRows; i++) {
    const [first, last] = rng.pick(NEW_NAMES);
    rows.push([
      first!,
      `${last} ${i}`,
      `https://www.linkedin.com/in/new-connection-${i}`,
      rng.chance(0.1) ? `new.connection.${i}@example.com` : '',
      rng.pick(NEW_COMPANIES),
      rng.chance(0.9) ? 'Product Manager' : '',
      date(),
    ]);
  }
  return PREAMBLE + stringify([HEADER, ...rows], { record_delimiter: '\r\n' });
}

interface ImportRun {
  ms: number;
  counts: Record<string, number>;
  /** When each progress line arrived, in ms from the start of the request. */
  progressAt: number[];
}

/**
 * Posts the file as the web app does (asking for streamed progress) and reads the answer line by
 * line, noting when each progress line arrives.
 */
async function postImport(url: string, csv: string): Promise<ImportRun> {
  const form = new FormData();
  form.set('file', new File([csv], 'Connections.csv', { type: 'text/csv' }));
  // Encoded before it is sent: a FormData body is encoded through promises alone, which held the
  // bench's own event loop, and its probe's requests counted that as the server's wait.
  const { body, headers } = await formBody(form);
  const t0 = performance.now();
  const res = await fetch(`${url}/api/imports/linkedin`, {
    method: 'POST',
    body,
    headers: { ...headers, accept: 'application/x-ndjson' },
  });
  const progressAt: number[] = [];
  let result: { counts?: Record<string, number> } | undefined;
  let failure = `status ${res.status}`;
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      const event = JSON.parse(pending.slice(0, nl)) as {
        type: string;
        summary?: { counts?: Record<string, number> };
        error?: { message: string };
      };
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
      if (event.type === 'progress') progressAt.push(performance.now() - t0);
      else if (event.type === 'result') result = event.summary;
      else if (event.error) failure = event.error.message;
    }
  }
  const ms = performance.now() - t0;
  if (!res.ok || !result?.counts) throw new Error(`Import failed: ${failure}`);
  return { ms, counts: result.counts, progressAt };
}

/** What the probe saw: each request's wait, and when it was sent (ms after the probe began). */
export interface ProbeRun {
  longest: number;
  answered: number;
  waits: { at: number; ms: number }[];
}

/**
 * What a user working beside long work notices: the longest wait of their requests (`probeWhile`)
 * beside its goal, and whether progress came while the work ran or all at the end. The next
 * longest waits, and when they came, tell one slow moment from a phase of the work that is slow.
 */
export function longWorkFigures(
  what: string,
  probe: ProbeRun,
  run: { ms: number; progressAt: number[] },
): Figure[] {
  const firstLine = run.progressAt[0] ?? run.ms;
  const lastLine = run.progressAt.at(-1) ?? run.ms;
  const sorted = [...probe.waits].sort((a, b) => b.ms - a.ms);
  const p99 = sorted[Math.floor(sorted.length / 100)]?.ms ?? 0;
  const worst = sorted
    .slice(0, 4)
    .map((w) => `${Math.round(w.ms)} ms at ${seconds(w.at)}`)
    .join(', ');
  return [
    {
      label: `Longest wait of another request (first page of people) during the ${what}`,
      value: `${Math.round(probe.longest)} ms`,
      goal: `≤ ${STALL_GOAL_MS} ms`,
      withinGoal: probe.longest <= STALL_GOAL_MS,
      detail: `${probe.answered} requests answered while it ran; 99th percentile ${Math.round(p99)} ms; longest ${worst}`,
    },
    {
      label: 'Progress as it happens: first and last progress line',
      value: `${seconds(firstLine)} → ${seconds(lastLine)}`,
      goal: `spread over the ${what}`,
      detail: `${run.progressAt.length} lines; the result came at ${seconds(run.ms)}`,
    },
  ];
}

/**
 * Asks for the first page of people every 25 ms, one request at a time, until `done` settles, and
 * notes how long each waited: the longest is how long the longest-waiting user waited.
 */
/**
 * Asks for the first page of people a few times before the work starts: a server's first answers
 * (statements planned for the first time, pages read from disk) are slow whatever else runs, and
 * a user working beside long work is past them.
 */
export async function warmUp(url: string): Promise<void> {
  for (let i = 0; i < 3; i++) await (await fetch(`${url}/api/people?limit=1`)).arrayBuffer();
}

export async function probeWhile(url: string, done: Promise<unknown>): Promise<ProbeRun> {
  let finished = false;
  const stop = () => {
    finished = true;
  };
  // A failed import is reported by its own promise; here it only ends the probing.
  void done.then(stop, stop);
  const start = performance.now();
  const waits: ProbeRun['waits'] = [];
  while (!finished) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/people?limit=1`);
    await res.arrayBuffer();
    waits.push({ at: t0 - start, ms: performance.now() - t0 });
    await new Promise((r) => setTimeout(r, 25));
  }
  return { longest: Math.max(0, ...waits.map((w) => w.ms)), answered: waits.length, waits };
}

const describe = (c: Record<string, number>) =>
  `${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`;

/** Seeds 20,000 people, builds the export, and times the import and the unchanged re-import. */
export async function benchLinkedInImport(opts: { people: number; rows: number }): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-import-'));
  const dataDir = join(dir, 'data');
  await mkdir(dataDir);
  try {
    progress(`LinkedIn import: seeding ${opts.people} people`);
    await seedDataFolder(dataDir, { people: opts.people, messages: 0 });
    const known = await knownPeople(dataDir, Math.floor(opts.rows / 2));
    const csv = connectionsCsv(known, opts.rows - known.length);
    const server = await startServerProcess(dataDir);
    try {
      const before = peakRss(server.pid);
      progress(`LinkedIn import: importing ${opts.rows} rows (${megabytes(Buffer.byteLength(csv))})`);
      await warmUp(server.url);
      const importing = postImport(server.url, csv);
      const [first, probe] = await Promise.all([importing, probeWhile(server.url, importing)]).catch(
        (err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          throw new Error(`${message}; the server said:\n${server.output()}`);
        },
      );
      const peak = peakRss(server.pid);
      progress('LinkedIn import: importing the same file again');
      const again = await postImport(server.url, csv);
      return [
        {
          label: `Import ${opts.rows.toLocaleString('en-US')} rows into ${opts.people.toLocaleString('en-US')} people`,
          value: seconds(first.ms),
          goal: atMostSeconds(GOAL_MS),
          withinGoal: first.ms <= GOAL_MS,
          detail: describe(first.counts),
        },
        ...longWorkFigures('import', probe, first),
        {
          label: 'Peak memory of the server (RSS) through the import',
          value: megabytes(peak),
          goal: `≤ ${megabytes(GOAL_RSS)}`,
          withinGoal: peak !== undefined && peak <= GOAL_RSS,
          detail: `${megabytes(before)} before the import`,
        },
        {
          label: 'Re-import of the same file (no changes)',
          value: seconds(again.ms),
          goal: '—',
          detail: describe(again.counts),
        },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
