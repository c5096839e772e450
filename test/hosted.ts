import type { SignUpMode } from '../src/config.js';
import { workspaceScope } from '../src/db/rls.js';
import { type AppOptions, createApp } from '../src/server/app.js';
import { NO_WORKSPACE } from '../src/server/session-auth.js';
import { createAuth } from '../src/services/accounts/auth.js';
import type { ServerMail } from '../src/services/accounts/server-mail.js';
import { openTestDb, type TestDb } from './db.js';

export const PUBLIC_URL = 'https://rapport.example.test';
const HOST = new URL(PUBLIC_URL).host;

/** One visitor of the hosted app: a browser's cookie jar and client address. */
export interface Visitor {
  send: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
  /** Signs up with this e-mail and a password; throws unless it worked. */
  signUp: (email: string, password?: string, extra?: Record<string, unknown>) => Promise<Response>;
  signIn: (email: string, password?: string) => Promise<Response>;
  cookies: Map<string, string>;
}

export const PASSWORD = 'correct horse battery';

/**
 * A hosted server in process on a fresh test database, as `serve --hosted --trusted-proxy`
 * builds it; `visitor(address)` makes a browser with its own cookies, behind the proxy.
 */
export async function openHostedTestApi(
  opts: { signUp?: SignUpMode; beforeRoutes?: AppOptions['beforeRoutes']; mail?: ServerMail | null } = {},
) {
  const t: TestDb = await openTestDb();
  const signUp = opts.signUp ?? 'open';
  const auth = createAuth({
    db: t.handle.db,
    now: t.clock.now,
    publicUrl: PUBLIC_URL,
    secret: 'a test secret that is long enough to sign cookies',
    signUp,
    mail: opts.mail ?? null,
  });
  const app = createApp({
    context: () => ({ db: t.handle.db, now: t.clock.now, workspaceId: NO_WORKSPACE, userId: NO_WORKSPACE }),
    // On PostgreSQL, each request under row-level security as `serve --hosted` runs it.
    hosted: {
      auth,
      publicUrl: PUBLIC_URL,
      trustedProxy: true,
      signUp,
      sendsMail: Boolean(opts.mail),
      scope: await workspaceScope(t.handle),
    },
    webDir: null,
    beforeRoutes: opts.beforeRoutes,
  });
  let nextAddress = 1;
  const visitor = (address = `198.51.100.${nextAddress++}`): Visitor => {
    const cookies = new Map<string, string>();
    const send: Visitor['send'] = async (method, path, body, headers = {}) => {
      const res = await app.request(`${PUBLIC_URL}${path}`, {
        method,
        headers: {
          host: HOST,
          origin: PUBLIC_URL,
          'x-forwarded-for': address,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        const name = pair!.slice(0, at);
        const value = pair!.slice(at + 1);
        if (value === '' || /max-age=0/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
      return res;
    };
    return {
      send,
      cookies,
      signUp: (email, password = PASSWORD, extra = {}) =>
        send('POST', '/api/auth/sign-up/email', { email, password, name: email.split('@')[0], ...extra }),
      signIn: (email, password = PASSWORD) => send('POST', '/api/auth/sign-in/email', { email, password }),
    };
  };
  return { t, app, auth, visitor };
}
