import { hostname } from 'node:os';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.js';
import { jobRuns, mailAccounts, users, workspaceMembers, workspaces } from '../../db/schema.js';
import { sendDigestIfDue } from '../agenda/digest.js';
import type { Ctx } from '../context.js';
import { SYNC_EVERY_MS } from '../mail/schedule.js';
import { syncMail } from '../mail/sync.js';

/** The queues: a tick made once per slot across every process, and the work it hands out. */
export const TICK = 'rapport.tick';
export const MAIL_SYNC = 'rapport.mail-sync';
export const DIGEST = 'rapport.digest';

/** How often, by default, the tick looks for work: the digest's hour is kept to the minute. */
export const TICK_SECONDS = 60;
/** Runs of background jobs are logged for a week. */
const KEEP_RUNS_MS = 7 * 24 * 3_600_000;

export interface JobQueueOptions {
  /** The PostgreSQL the server runs on; pg-boss keeps its tables in its own schema, `pgboss`. */
  connectionString: string;
  db: Db;
  now: () => Date;
  secretKey?: () => Buffer;
  /** The public URL, for the digest's link back. */
  appUrl?: string;
  tickSeconds?: number;
  mailSyncEveryMs?: number;
  /** How often each worker asks the queue for a job (pg-boss polls); 2 s by default. */
  pollSeconds?: number;
  /** Names this process in `job_runs`; host name and process id unless given. */
  runner?: string;
}

export interface JobQueue {
  /** Asks for a tick now; the queue drops it if this slot already has one. */
  tick: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * pg-boss keeps a job's slot as a UTC time without a zone, which the driver reads as local time:
 * read back as UTC.
 */
function slotOf(singletonOn: Date | string | null | undefined): Date | null {
  if (!singletonOn) return null;
  const d = singletonOn instanceof Date ? singletonOn : new Date(singletonOn);
  if (Number.isNaN(d.getTime())) return null;
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
}

/** The context a job works in: the workspace and the user who owns it. */
async function workspaceContext(opts: JobQueueOptions, workspaceId: string): Promise<Ctx | null> {
  const { db } = opts;
  const [member] = await db
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, 'owner')))
    .limit(1);
  const userId =
    member?.userId ??
    (
      await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.workspaceId, workspaceId))
        .orderBy(asc(users.createdAt))
        .limit(1)
    )[0]?.id;
  if (!userId) return null;
  return { db, workspaceId, userId, now: opts.now, secretKey: opts.secretKey };
}

/**
 * Background work of the hosted server on a PostgreSQL job queue (pg-boss), so that any number of
 * server processes share it and each job runs once:
 *
 * - every process asks for a tick every `tickSeconds`; the queue keeps one tick per time slot
 *   (pg-boss's throttling, on the database's clock), and one process runs it;
 * - the tick hands out a mail sync for each workspace with a connected mailbox, at most one per
 *   workspace every `mailSyncEveryMs`, and a digest look for each workspace that asked for one;
 * - those queues are `stately`: one job waiting and one running per workspace at most, so two
 *   processes never sync one mailbox at once.
 *
 * pg-boss is loaded here only: a local server never imports this module.
 */
export async function startJobQueue(opts: JobQueueOptions): Promise<JobQueue> {
  const tickSeconds = opts.tickSeconds ?? TICK_SECONDS;
  const syncSeconds = Math.max(1, Math.round((opts.mailSyncEveryMs ?? SYNC_EVERY_MS) / 1000));
  const pollingIntervalSeconds = opts.pollSeconds ?? 2;
  const runner = opts.runner ?? `${hostname()}:${process.pid}`;
  const { default: PgBossClass } = await import('pg-boss');
  const boss = new PgBossClass({
    connectionString: opts.connectionString,
    max: 4,
    application_name: 'rapport-jobs',
    // The tick is our schedule; pg-boss's own cron (a minute at the finest) is not used.
    schedule: false,
  });
  boss.on('error', (err: Error) => console.error(`Job queue: ${err.message}`));
  await boss.start();
  // Processes starting at once would deadlock making the same queue: one makes them, the others
  // wait on this lock and find them made.
  await opts.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rapport.jobs.create-queues'))`);
    for (const [name, policy] of [
      [TICK, 'standard'],
      [MAIL_SYNC, 'stately'],
      [DIGEST, 'stately'],
    ] as const) {
      if (await boss.getQueue(name)) continue;
      // A job that fails is not retried: the next tick or slot tries again.
      await boss.createQueue(name, { name, policy, retryLimit: 0, expireInSeconds: 15 * 60 });
    }
  });

  const record = (name: string, jobId: string, extra: { slot?: Date | null; workspaceId?: string } = {}) =>
    opts.db.insert(jobRuns).values({
      name,
      jobId,
      slot: extra.slot ?? null,
      workspaceId: extra.workspaceId ?? null,
      runner,
      startedAt: opts.now(),
    });

  const onTick = async (job: PgBoss.JobWithMetadata<unknown>) => {
    await record(TICK, job.id, { slot: slotOf(job.singletonOn) });
    await opts.db.delete(jobRuns).where(lt(jobRuns.startedAt, new Date(opts.now().getTime() - KEEP_RUNS_MS)));
    const mailboxes = await opts.db.select({ workspaceId: mailAccounts.workspaceId }).from(mailAccounts);
    for (const { workspaceId } of mailboxes) {
      await boss.send(
        MAIL_SYNC,
        { workspaceId },
        { singletonKey: workspaceId, singletonSeconds: syncSeconds },
      );
    }
    const digests = await opts.db
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(sql`${workspaces.settings}->>'digestEnabled' = 'true'`);
    for (const { id } of digests) await boss.send(DIGEST, { workspaceId: id }, { singletonKey: id });
  };

  await boss.work(TICK, { includeMetadata: true, pollingIntervalSeconds }, async (jobs) => {
    for (const job of jobs) await onTick(job);
  });
  await boss.work<{ workspaceId: string }>(MAIL_SYNC, { pollingIntervalSeconds }, async (jobs) => {
    for (const job of jobs) {
      const ctx = await workspaceContext(opts, job.data.workspaceId);
      // A failed sync is noted on the mailbox (Settings shows it); the next slot tries again.
      if (ctx) await syncMail(ctx).catch(() => {});
    }
  });
  await boss.work<{ workspaceId: string }>(DIGEST, { pollingIntervalSeconds }, async (jobs) => {
    for (const job of jobs) {
      const ctx = await workspaceContext(opts, job.data.workspaceId);
      if (!ctx) continue;
      const outcome = await sendDigestIfDue(ctx, { appUrl: opts.appUrl });
      if (typeof outcome === 'object') await record(DIGEST, job.id, { workspaceId: ctx.workspaceId });
    }
  });

  const tick = async () => {
    await boss.sendThrottled(TICK, {}, {}, tickSeconds);
  };
  const timer = setInterval(() => void tick().catch(() => {}), tickSeconds * 1000);
  timer.unref();
  await tick().catch(() => {});

  let stopped = false;
  return {
    tick,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      // Lets running jobs finish (a sync, a send), then closes the queue's connections.
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}
