import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../config.js';
import { scheduleMaintenance } from '../db/maintenance.js';
import { openDatabase } from '../db/open.js';
import { traced, traceStart } from '../db/start-trace.js';
import { AppError } from '../domain/errors.js';
import { scheduleDigest } from '../services/agenda/digest.js';
import { scheduleMailSync } from '../services/mail/schedule.js';
import { secretKeyLoader } from '../services/mail/secret.js';
import { ensureDefaultWorkspace } from '../services/settings/workspaces.js';
import { isLoopbackAddress } from './security.js';
import { fakeClock } from './test-clock.js';

/** How long without a request before maintenance may rewrite a table. */
const QUIET_MS = 10 * 60_000;
/** How long without a request before routine maintenance may take the database's one connection. */
const IDLE_MS = 2_000;

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** Opens the database, applies migrations and serves the app until closed. */
export async function startServer(
  config: Config,
  opts: { now?: () => Date; webDir?: string | null } = {},
): Promise<RunningServer> {
  if (config.hosted) {
    // Loaded only here: a local server has no accounts and never pays for loading better-auth.
    const { startHostedServer } = await import('./serve-hosted.js');
    return startHostedServer(config, config.hosted, opts);
  }
  if (!isLoopbackAddress(config.host)) {
    throw new AppError('forbidden', {
      userMessage: `Rapport runs for you alone on this machine, with no sign-in, so it only listens on 127.0.0.1, ::1 or localhost; --host ${config.host} would give anyone on the network your whole workspace. Open it on this machine, or run the multi-user server with accounts: serve --hosted on PostgreSQL (docs/hosting.md).`,
    });
  }
  // The app's routes (a schema for every request and answer) load while the database opens:
  // PGlite reads and compiles its wasm in the background meanwhile.
  traceStart('program loaded');
  const [database, { createApp }] = await Promise.all([
    openDatabase(config),
    traced('app routes loaded', () => import('./app.js')),
  ]);
  const clock = process.env.RAPPORT_FAKE_CLOCK === '1' ? fakeClock() : null;
  const now = opts.now ?? clock?.now ?? (() => new Date());
  const { workspaceId, userId } = await traced('workspace found', () =>
    ensureDefaultWorkspace(database.handle.db, now()),
  );
  const secretKey = secretKeyLoader(config.dataDir);
  const context = () => ({ db: database.handle.db, workspaceId, userId, now, secretKey });
  const app = createApp({
    context,
    allowedHosts: [config.host],
    webDir: opts.webDir,
    beforeRoutes: clock?.install,
  });
  // When the app was last used, and how many requests are being answered: maintenance waits
  // for a moment with none, and one that holds a table for a quiet one.
  let lastRequestAt = Date.now();
  let inFlight = 0;
  let answered = 0;
  const fetch: typeof app.fetch = async (request, ...rest) => {
    lastRequestAt = Date.now();
    inFlight++;
    try {
      const response = await app.fetch(request, ...rest);
      if (answered++ < 3) traceStart(`answered ${request.method} ${new URL(request.url).pathname}`);
      return response;
    } finally {
      inFlight--;
      lastRequestAt = Date.now();
    }
  };
  const { server, url } = await listen(fetch, config, database.close);
  traceStart('listening');
  database.lock?.setUrl(url);
  const stopMaintenance = scheduleMaintenance(database.handle, {
    isQuiet: () => Date.now() - lastRequestAt > QUIET_MS,
    isIdle: () => inFlight === 0 && Date.now() - lastRequestAt > IDLE_MS,
  });
  // The fake clock of the end-to-end tests syncs only when asked, so a spec sees exactly what it sent.
  const stopMailSync = clock ? async () => {} : scheduleMailSync(context);
  // The daily digest, when asked for in Settings: a look every minute (hosted mode uses the job queue).
  const stopDigest = clock ? async () => {} : scheduleDigest(context);
  let closed = false;
  return {
    url,
    close: async () => {
      if (closed) return;
      closed = true;
      stopMaintenance();
      await stopDigest();
      await stopMailSync();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/**
 * Starts answering on the configured address; returns the server and its URL. If the port cannot
 * be taken, `release` runs first (the database is closed) and the error says what to do.
 */
export async function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
  config: Pick<Config, 'host' | 'port'>,
  release: () => Promise<void>,
): Promise<{ server: ReturnType<typeof serve>; url: string }> {
  const server = serve({ fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (err: NodeJS.ErrnoException) => {
    await release();
    if (err.code === 'EADDRINUSE') {
      throw new Error(`Port ${config.port} is already in use. Start with --port N to use another port.`);
    }
    throw err;
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { server, url: `http://${shownHost}:${port}` };
}
