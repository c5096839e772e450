/**
 * Runs every benchmark and prints a report: each figure with its goal beside it. These are
 * measurements, not tests: nothing fails when a figure misses its goal.
 *
 * Environment: BENCH_PEOPLE (50000), BENCH_REQUESTS (5000), BENCH_CONCURRENCY (50),
 * BENCH_RESTARTS (5), BENCH_NPM_CI=1 to time npm ci, BENCH_AGENDA_CALLS (100),
 * BENCH_EXPLAIN=1 to print the agenda's and the People list's queries' plans to stderr,
 * BENCH_DATABASE_URL=postgres://… to compare search with PostgreSQL,
 * BENCH_IMPORT_PEOPLE (20000) and BENCH_IMPORT_ROWS (30000) for the LinkedIn import,
 * BENCH_EXPORT_PEOPLE (200000) for the CSV export, BENCH_EXPORT_FOLDER=/path to seed its folder once
 * and reuse it, BENCH_RESTORE_PEOPLE (20000) for the restore,
 * BENCH_CREATES (1000) for the durable writes,
 * BENCH_LIST_SAMPLES (40) and BENCH_MIXED_REQUESTS (600) for the People list section,
 * BENCH_MAIL_MESSAGES (20000) for the mail sync and the .mbox import,
 * BENCH_MAIL_HOST (127.0.0.1) for the mail server of scripts/mail-server.sh: without one answering
 * there, mail-sync is skipped with a line, or fails when BENCH_ONLY names it,
 * BENCH_HOSTED_ACCOUNTS (100), BENCH_HOSTED_PEOPLE (2000), BENCH_HOSTED_SESSIONS (30), BENCH_HOSTED_THINK_MS (1500) and
 * BENCH_HOSTED_SECONDS (120) for hosted mode under load (PostgreSQL: BENCH_DATABASE_URL or
 * BENCH_HOSTED_DATABASE_URL; skipped without one unless BENCH_ONLY names it),
 * BENCH_AGENDA_FOLDER=/path to seed the agenda section's folder once and reuse it (on the same day),
 * BENCH_PEOPLE_FOLDER=/path to seed the people-web section's folder once and reuse it,
 * BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" for every server the bench starts,
 * BENCH_ONLY=cold-start,person-read,people-list,people-web,agenda,search-network,import,export,writes,
 * mail-sync,mbox-import,build,hosted-load.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { benchAgenda } from './agenda.js';
import { benchColdStart } from './cold-start.js';
import { benchExport } from './export.js';
import { defaultSizes } from './generate.js';
import { benchHostedLoad, hostedLoadOptions } from './hosted-load.js';
import { benchInstallBuild } from './install-build.js';
import { benchLinkedInImport } from './linkedin-import.js';
import { benchMailSync, benchMboxImport, mailHost, mailServerReachable } from './mail.js';
import { benchPeopleList, benchPeopleWeb } from './people-list.js';
import { benchPersonRead } from './person-read.js';
import { count, type Figure, formatFigure, megabytes, seconds } from './report.js';
import { benchRestore } from './restore.js';
import { benchSearchNetwork } from './search-network.js';
import { benchWrites } from './writes.js';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive whole number, not "${raw}".`);
  return n;
}

interface Section {
  key: string;
  title: string;
  run: () => Promise<Figure[]>;
  /** Why the section cannot run here, if it cannot; it is then skipped unless named in BENCH_ONLY. */
  unavailable?: () => Promise<string | undefined>;
}

async function main(): Promise<void> {
  const people = envInt('BENCH_PEOPLE', 50_000);
  const requests = envInt('BENCH_REQUESTS', 5000);
  const concurrency = envInt('BENCH_CONCURRENCY', 50);
  const restarts = envInt('BENCH_RESTARTS', 5);
  const agendaCalls = envInt('BENCH_AGENDA_CALLS', 100);
  const agendaSizes = defaultSizes(people);
  const npmCi = process.env.BENCH_NPM_CI === '1';
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const mailMessages = envInt('BENCH_MAIL_MESSAGES', 20_000);

  const sections: Section[] = [
    {
      key: 'cold-start',
      title: 'Cold start (embedded database, spawn → first 200 from GET /api/workspace)',
      run: () => benchColdStart({ restarts }),
    },
    {
      key: 'person-read',
      title: `API read of one person (${people.toLocaleString('en-US')} people, ${concurrency} in flight)`,
      run: () =>
        benchPersonRead({
          people,
          requests,
          concurrency,
          warmup: Math.min(500, requests),
          starts: Math.min(3, restarts),
        }),
    },
    {
      key: 'people-list',
      title:
        `People filter, lists, reads, mixed load, restart and web weight (${count(people)} people, ` +
        'embedded and, with BENCH_DATABASE_URL, PostgreSQL; issue 14)',
      run: () =>
        benchPeopleList({
          people,
          samples: envInt('BENCH_LIST_SAMPLES', 40),
          mixed: envInt('BENCH_MIXED_REQUESTS', 600),
        }),
    },
    {
      key: 'people-web',
      title: `Web weight and the People page in Chromium (${count(people)} people; issue 14; also in people-list)`,
      run: () => benchPeopleWeb({ people, folder: process.env.BENCH_PEOPLE_FOLDER || undefined }),
      // people-list measures the same figures; this one runs only when named.
      unavailable: async () => 'measured within people-list (BENCH_ONLY=people-web runs it alone)',
    },
    {
      key: 'agenda',
      title:
        `Today agenda (${count(people)} people, ${count(agendaSizes.conversations)} conversations, ` +
        `${count(agendaSizes.messages)} messages; embedded database)`,
      run: () =>
        benchAgenda({
          people,
          calls: agendaCalls,
          warmup: Math.max(1, Math.min(10, agendaCalls)),
          explain: process.env.BENCH_EXPLAIN === '1',
          folder: process.env.BENCH_AGENDA_FOLDER || undefined,
        }),
    },
    {
      key: 'search-network',
      title: `Search, warm paths and dashboard (${count(people)} people, 100,000 notes and insights, 20,000 introductions)`,
      run: () => benchSearchNetwork({ people }),
    },
    {
      key: 'import',
      title: 'LinkedIn import (embedded database, through the running server)',
      run: () =>
        benchLinkedInImport({
          people: envInt('BENCH_IMPORT_PEOPLE', 20_000),
          rows: envInt('BENCH_IMPORT_ROWS', 30_000),
        }),
    },
    {
      key: 'export',
      title: 'CSV export of People (embedded database, through the running server)',
      run: () =>
        benchExport({
          people: envInt('BENCH_EXPORT_PEOPLE', 200_000),
          folder: process.env.BENCH_EXPORT_FOLDER,
        }),
    },
    {
      key: 'restore',
      title: 'Restore of a backup (embedded database, through the running server)',
      run: () => benchRestore({ people: envInt('BENCH_RESTORE_PEOPLE', 20_000) }),
    },
    {
      key: 'writes',
      title: 'Durable writes (embedded database, fsync on, through the running server)',
      run: () => benchWrites({ creates: envInt('BENCH_CREATES', 1000) }),
    },
    {
      key: 'mail-sync',
      title: `Mail sync on the real mail server (${count(mailMessages)} messages in the Inbox; issue 16)`,
      run: () => benchMailSync({ messages: mailMessages }),
      unavailable: async () =>
        (await mailServerReachable())
          ? undefined
          : `no IMAP server answers at ${mailHost()}:143 (scripts/mail-server.sh starts one)`,
    },
    {
      key: 'mbox-import',
      title: `Mail import from a .mbox file (${count(mailMessages)} messages, embedded database; issue 16)`,
      run: () => benchMboxImport({ messages: mailMessages }),
    },
    {
      key: 'build',
      title: 'Install and build',
      run: () => benchInstallBuild({ npmCi }),
    },
    {
      key: 'hosted-load',
      title: (() => {
        const o = hostedLoadOptions();
        return `Hosted mode under load (${o.accounts} accounts × ${count(o.peoplePerAccount)} people, ${o.sessions} sessions for ${o.seconds} s ${o.thinkMs ? `pausing ~${o.thinkMs / 1000} s between requests` : 'without pauses'}, two serve --hosted processes, PostgreSQL; issue 17)`;
      })(),
      run: () => benchHostedLoad(),
      unavailable: async () =>
        process.env.BENCH_DATABASE_URL || process.env.BENCH_HOSTED_DATABASE_URL
          ? undefined
          : 'needs PostgreSQL: set BENCH_DATABASE_URL (or BENCH_HOSTED_DATABASE_URL)',
    },
  ];

  const started = performance.now();
  const cpu = cpus();
  console.log('Rapport benchmarks');
  console.log(
    `  ${new Date().toISOString()}  Node ${process.version}  ${process.platform}/${process.arch}  ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}  ${megabytes(totalmem())} RAM`,
  );
  console.log(
    `  load average ${loadavg()[0]?.toFixed(2)} at the start (other work on the machine skews the figures)`,
  );
  for (const section of sections) {
    if (only && !only.includes(section.key)) continue;
    const why = only ? undefined : await section.unavailable?.();
    if (why) {
      console.log(`\n${section.title}\n  skipped: ${why}`);
      continue;
    }
    const t0 = performance.now();
    let figures: Figure[];
    try {
      figures = await section.run();
    } catch (err) {
      // Database errors quote their parameters; a bulk insert's can run to megabytes.
      const message = err instanceof Error ? err.message : String(err);
      console.log(`\n${section.title}\n  failed: ${message.slice(0, 5000)}`);
      process.exitCode = 1;
      continue;
    }
    console.log(`\n${section.title}  [${seconds(performance.now() - t0)}]`);
    for (const f of figures) console.log(formatFigure(f));
  }
  console.log(`\nTotal bench time ${seconds(performance.now() - started)}`);
}

await main();
