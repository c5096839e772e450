import type { Config, HostedConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { workspaceScope } from '../db/rls.js';
import { createAuth } from '../services/accounts/auth.js';
import { createServerMail } from '../services/accounts/server-mail.js';
import { secretKeyLoader } from '../services/mail/secret.js';
import { createApp } from './app.js';
import { listen, type RunningServer } from './serve.js';
import { NO_WORKSPACE } from './session-auth.js';

/**
 * The multi-user server of `serve --hosted`: PostgreSQL only (config.ts refuses the embedded
 * database), accounts with sessions in the database, each request scoped to its account's
 * workspace. Background work (mail sync, the daily digest) runs on a PostgreSQL job queue shared by
 * every process on the database (services/jobs/queue.ts), so each job runs once.
 */
export async function startHostedServer(
  config: Config,
  hosted: HostedConfig,
  opts: { now?: () => Date; webDir?: string | null } = {},
): Promise<RunningServer> {
  const tick = tickSeconds(process.env.RAPPORT_JOB_TICK_SECONDS);
  const database = await openDatabase(config);
  const now = opts.now ?? (() => new Date());
  const db = database.handle.db;
  const secretKey = secretKeyLoader(config.dataDir);
  const mail = createServerMail({
    smtpUrl: hosted.smtpUrl,
    mailFrom: hosted.mailFrom,
    publicUrl: hosted.publicUrl,
  });
  const auth = createAuth({
    db,
    now,
    publicUrl: hosted.publicUrl,
    secret: hosted.authSecret,
    signUp: hosted.signUp,
    mail,
  });
  // Each request in a transaction that sees its own workspace only (row-level security).
  const scope = await workspaceScope(database.handle);
  const app = createApp({
    context: () => ({ db, now, secretKey, workspaceId: NO_WORKSPACE, userId: NO_WORKSPACE }),
    hosted: {
      auth,
      publicUrl: hosted.publicUrl,
      trustedProxy: hosted.trustedProxy,
      signUp: hosted.signUp,
      sendsMail: mail !== null,
      scope,
    },
    webDir: opts.webDir,
  });
  const { server, url } = await listen(app.fetch, config, database.close);
  // Loaded only here: a local server never loads pg-boss.
  const { startJobQueue } = await import('../services/jobs/queue.js');
  const jobs = await startJobQueue({
    connectionString: config.databaseUrl!,
    db,
    now,
    secretKey,
    appUrl: hosted.publicUrl,
    tickSeconds: tick,
  }).catch(async (err) => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
    throw err;
  });
  let closed = false;
  return {
    url,
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs.stop();
      await database.close();
    },
  };
}

/** How often the job queue's tick comes: a minute, or a whole number of seconds from the environment. */
function tickSeconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3600) {
    throw new Error(
      `RAPPORT_JOB_TICK_SECONDS must be a whole number of seconds from 1 to 3600, not "${value}".`,
    );
  }
  return n;
}
