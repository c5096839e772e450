import type { Config } from '../config.js';
import { readLock } from '../db/lock.js';
import { openDatabase } from '../db/open.js';
import { secretKeyLoader } from '../services/mail/secret.js';
import { ensureDefaultWorkspace } from '../services/settings/workspaces.js';

export interface ApiClient {
  /** Sends one API request; throws CliError with the server's message on failure. */
  call: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  /** Sends a request with any body (an upload, say) and returns the raw answer, errors included. */
  send: (path: string, init: RequestInit) => Promise<Response>;
  /** 'server' when a running Rapport server holds the data folder. */
  via: 'server' | 'local';
  close: () => Promise<void>;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!res.ok) throw new CliError(data.error?.message ?? `The request failed with status ${res.status}.`);
  return data as T;
}

function init(method: string, body: unknown): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', host: 'localhost' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

/** A client of a Rapport server over HTTP; `authorization` is sent with every request. */
function overHttp(base: string, authorization?: string): ApiClient {
  const withAuth = (request: RequestInit): RequestInit => {
    if (!authorization) return request;
    const headers = new Headers(request.headers);
    headers.set('authorization', authorization);
    // A server elsewhere checks that requests name its own host, as fetch does from the URL.
    headers.delete('host');
    return { ...request, headers };
  };
  const send = (path: string, request: RequestInit) =>
    fetch(new URL(path, base), withAuth(request)).catch(() => {
      throw new CliError(`The Rapport server at ${base} did not answer.`);
    });
  return {
    via: 'server',
    call: async (method, path, body) => parse(await send(path, init(method, body))),
    send,
    close: async () => {},
  };
}

/**
 * Every CLI command goes through the same API as the web app. With RAPPORT_URL (and a personal
 * access token in RAPPORT_TOKEN) it talks to that server, a hosted one say, as the token's
 * workspace. When a server holds the embedded data folder, the CLI talks to it over HTTP;
 * otherwise it opens the database itself and runs the same application in-process.
 */
export async function connect(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<ApiClient> {
  if (env.RAPPORT_URL) {
    if (!env.RAPPORT_TOKEN) {
      throw new CliError(
        `RAPPORT_URL names a server; RAPPORT_TOKEN must hold a personal access token for it (make one in Settings, under Access tokens).`,
        2,
      );
    }
    return overHttp(env.RAPPORT_URL, `Bearer ${env.RAPPORT_TOKEN}`);
  }
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.url) return overHttp(holder.url);
  }
  // The app loads only here, while the database opens: through a running server a command never needs it.
  const [database, { createApp }] = await Promise.all([openDatabase(config), import('../server/app.js')]);
  const { workspaceId, userId } = await ensureDefaultWorkspace(database.handle.db);
  const secretKey = secretKeyLoader(config.dataDir);
  const app = createApp({
    context: () => ({ db: database.handle.db, workspaceId, userId, now: () => new Date(), secretKey }),
    webDir: null,
  });
  return {
    via: 'local',
    call: async (method, path, body) => parse(await app.request(path, init(method, body))),
    send: async (path, request) => {
      const headers = new Headers(request.headers);
      headers.set('host', 'localhost');
      return app.request(path, { ...request, headers });
    },
    close: database.close,
  };
}

/** Runs a command body with a connected client and always closes it. */
export type WithApi = <T>(fn: (api: ApiClient) => Promise<T>) => Promise<T>;
