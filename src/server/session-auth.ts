import type { MiddlewareHandler } from 'hono';
import type { SignUpMode } from '../config.js';
import type { Auth } from '../services/accounts/auth.js';
import { ensureAccountWorkspace } from '../services/accounts/workspaces.js';
import type { Ctx } from '../services/context.js';
import { authenticateToken } from '../services/tokens/tokens.js';
import type { AppEnv } from './env.js';
import { bearerToken, refuseToken } from './token-auth.js';

/** A workspace id no row has: the context of requests that may not read any workspace. */
export const NO_WORKSPACE = '00000000-0000-0000-0000-000000000000';

/** API paths a hosted server answers without a session: what the sign-in page needs. */
const OPEN_PATHS = new Set(['/api/session', '/api/openapi.json']);

/**
 * Calendar feeds are fetched by calendar programs (Google, Outlook), which hold no session: the
 * secret in the link is the credential, and the feed is read from that link's own workspace.
 */
const FEED_PREFIX = '/api/calendar/feed/';

/**
 * Hosted mode's front door on /api and /mcp: each request gets the context of the workspace
 * its session cookie (or personal access token) belongs to; without either, 401.
 */
export function sessionAuth(opts: {
  auth: Auth;
  base: () => Ctx;
  signUp: SignUpMode;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const base = opts.base();
    c.set('hosted', { signUp: opts.signUp });
    const token = bearerToken(c.req.header('authorization'));
    if (token !== undefined) {
      const identity = token ? await authenticateToken({ db: base.db, now: base.now, token }) : null;
      if (!identity) return refuseToken(c, token);
      c.set('ctx', { ...base, workspaceId: identity.workspaceId, userId: identity.userId });
      return next();
    }
    const { headers, response: session } = await opts.auth.api.getSession({
      headers: c.req.raw.headers,
      returnHeaders: true,
    });
    if (session) {
      const { user } = session;
      const workspace = await ensureAccountWorkspace({
        db: base.db,
        now: base.now,
        authUserId: user.id,
        name: user.name,
        email: user.email,
      });
      c.set('account', { authUserId: user.id, email: user.email, name: user.name });
      c.set('ctx', { ...base, ...workspace });
      await next();
      // A session nearing its end is extended; the browser's cookie follows.
      for (const cookie of headers.getSetCookie()) c.res.headers.append('set-cookie', cookie);
      return;
    }
    c.set('ctx', { ...base, workspaceId: NO_WORKSPACE, userId: NO_WORKSPACE });
    if (OPEN_PATHS.has(c.req.path) || c.req.path.startsWith(FEED_PREFIX)) return next();
    return c.json(
      {
        error: {
          code: 'unauthorized',
          message: "Sign in first: this server keeps each account's workspace private.",
          issues: [],
        },
      },
      401,
    );
  };
}
