/**
 * Mail (issue 16) on the real mail server of scripts/mail-server.sh: the first sync of a
 * 20,000-message Inbox in which 2,000 messages involve known people, a sync with nothing new,
 * and the import of a 20,000-message .mbox. The Inbox of bench@rapport.test is filled once
 * (written straight into Dovecot's Maildir when this runs as root on the server's machine, else
 * appended over IMAP) and reused while it holds exactly the generated messages. Each measurement
 * runs in a child process, so its peak memory is the mail work's alone.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, chown, mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { benchMbox, benchMessage, contactsFor } from './mail-data.js';
import { atMostSeconds, count, type Figure, megabytes, progress, seconds } from './report.js';
import { repoRoot } from './server-process.js';

const GOALS = { firstSyncMs: 30_000, firstSyncRss: 500 * 1024 * 1024, againMs: 1000, importMs: 30_000 };
const MAILDIR = '/var/mail/rapport/bench/Maildir';
const VMAIL_ID = 5000;

export function mailHost(): string {
  return process.env.BENCH_MAIL_HOST ?? '127.0.0.1';
}

/** Whether an IMAP server answers on the bench's mail host, within a second. */
export function mailServerReachable(host = mailHost()): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: 143, timeout: 1000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

function imap(): ImapFlow {
  return new ImapFlow({
    host: mailHost(),
    port: 143,
    secure: false,
    doSTARTTLS: false,
    auth: { user: 'bench@rapport.test', pass: process.env.BENCH_MAIL_PASSWORD ?? 'rapport-test' },
    logger: false,
  });
}

async function inboxCount(): Promise<number> {
  const client = imap();
  await client.connect();
  try {
    const status = await client.status('INBOX', { messages: true });
    return status ? (status.messages ?? 0) : 0;
  } finally {
    await client.logout();
  }
}

/** Empties the bench user's Inbox and fills it with `total` generated messages. */
async function fillInbox(total: number): Promise<string> {
  const now = Date.now();
  const direct =
    mailHost() === '127.0.0.1' &&
    (await access(MAILDIR).then(
      () => process.getuid?.() === 0,
      () => false,
    ));
  if (direct) {
    // Dovecot's own files for the Inbox go too, so it indexes the new messages afresh.
    for (const sub of ['cur', 'new', 'tmp']) await rm(join(MAILDIR, sub), { recursive: true, force: true });
    for (const f of await readdir(MAILDIR)) {
      if (f.startsWith('dovecot') && !f.startsWith('dovecot-keywords'))
        await rm(join(MAILDIR, f), { force: true });
    }
    for (const sub of ['cur', 'new', 'tmp']) {
      await mkdir(join(MAILDIR, sub), { recursive: true, mode: 0o700 });
      await chown(join(MAILDIR, sub), VMAIL_ID, VMAIL_ID);
    }
    for (let i = 0; i < total; i++) {
      const { raw, date } = benchMessage(i, total, now);
      const size = Buffer.byteLength(raw);
      const file = join(MAILDIR, 'cur', `${Math.floor(date.getTime() / 1000)}.M${i}P1.bench,S=${size}:2,S`);
      await writeFile(file, raw);
      await chown(file, VMAIL_ID, VMAIL_ID);
      await utimes(file, date, date);
      if (i % 5000 === 4999) progress(`mail: wrote ${count(i + 1)} of ${count(total)} messages`);
    }
    return 'written into the Maildir';
  }
  const client = imap();
  await client.connect();
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      if (client.mailbox && client.mailbox.exists > 0) await client.messageDelete('1:*');
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  const lanes = 8;
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      const c = imap();
      await c.connect();
      try {
        for (let i = next++; i < total; i = next++) {
          const { raw, date } = benchMessage(i, total, now);
          await c.append('INBOX', raw, ['\\Seen'], date);
          if (i % 5000 === 4999) progress(`mail: appended ${count(i + 1)} of ${count(total)} messages`);
        }
      } finally {
        await c.logout();
      }
    }),
  );
  return 'appended over IMAP';
}

/** Runs bench/mail-child.ts and returns the JSON line it prints. */
const secretKey = randomBytes(32).toString('hex');

function runChild(args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('bench', 'mail-child.ts'), ...args], {
      cwd: repoRoot(),
      env: { ...process.env, BENCH_SECRET_KEY: secretKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      err = (err + c.toString('utf8')).slice(-4000);
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line));
      else reject(new Error(`The mail bench child failed (code ${code}):\n${err || out}`));
    });
  });
}

export async function benchMailSync(opts: { messages: number }): Promise<Figure[]> {
  if (!(await mailServerReachable())) {
    throw new Error(
      `No IMAP server answers at ${mailHost()}:143. Start one with scripts/mail-server.sh (as root), or leave mail-sync out of BENCH_ONLY.`,
    );
  }
  const have = await inboxCount();
  let filled = `reused (${count(have)} messages already there)`;
  if (have !== opts.messages) {
    progress(`mail: filling bench@rapport.test's Inbox with ${count(opts.messages)} messages`);
    const t0 = performance.now();
    const how = await fillInbox(opts.messages);
    // Dovecot indexes a new Maildir on first look; done here so the sync is measured alone.
    const now = await inboxCount();
    if (now !== opts.messages)
      throw new Error(`The Inbox holds ${count(now)} messages after filling, not ${count(opts.messages)}.`);
    filled = `filled in ${seconds(performance.now() - t0)}, ${how}`;
  }
  const contacts = contactsFor(opts.messages);
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-mail-'));
  try {
    progress('mail: first sync, then a sync with nothing new');
    await runChild(['seed', join(dir, 'data'), mailHost(), String(contacts)]);
    const r = await runChild(['mail-sync', join(dir, 'data')]);
    const known = opts.messages / 10;
    return [
      {
        label: `First sync of ${count(opts.messages)} messages, ${count(known)} with ${count(contacts)} known people`,
        value: seconds(r.firstMs!),
        goal: atMostSeconds(GOALS.firstSyncMs),
        withinGoal: r.firstMs! <= GOALS.firstSyncMs && r.firstStored === known,
        detail: `${count(r.firstStored!)} logged, ${count(r.firstScanned!)} envelopes read; Inbox ${filled}`,
      },
      {
        label: 'Peak RSS of the syncing process (embedded database included)',
        value: megabytes(r.firstRssBytes),
        goal: `≤ ${megabytes(GOALS.firstSyncRss)}`,
        withinGoal: r.firstRssBytes! <= GOALS.firstSyncRss,
        detail: `${megabytes(r.openRssBytes)} with the database open, before the sync`,
      },
      {
        label: 'Sync with nothing new',
        value: seconds(r.againMs!),
        goal: atMostSeconds(GOALS.againMs),
        withinGoal: r.againMs! <= GOALS.againMs && r.againStored === 0,
        detail: `${count(r.againStored!)} logged`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchMboxImport(opts: { messages: number }): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-mbox-'));
  try {
    const file = join(dir, 'bench.mbox');
    await writeFile(file, benchMbox(opts.messages));
    progress(`mbox: importing ${count(opts.messages)} messages`);
    await runChild(['seed', join(dir, 'data'), '', String(contactsFor(opts.messages))]);
    const r = await runChild(['mbox-import', join(dir, 'data'), file]);
    return [
      {
        label: `Import a .mbox of ${count(opts.messages)} messages (${megabytes(r.bytes)})`,
        value: seconds(r.importMs!),
        goal: atMostSeconds(GOALS.importMs),
        withinGoal: r.importMs! <= GOALS.importMs && r.stored === opts.messages / 10,
        detail:
          `${count(r.total!)} read, ${count(r.stored!)} logged; peak RSS ${megabytes(r.peakRssBytes)} ` +
          `(${megabytes(r.openRssBytes)} with the database open, before)`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
