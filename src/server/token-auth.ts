import type { Context, MiddlewareHandler } from 'hono';
import { scopeAllows } from '../domain/access-tokens.js';
import { authenticateToken, type TokenIdentity } from '../services/tokens/tokens.js';
import type { AppEnv } from './env.js';

/** The token of an `Authorization: Bearer …` header; '' when the header says something else. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

function problem(c: Context, status: 401 | 403, code: string, message: string) {
  if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="rapport"');
  return c.json({ error: { code, message, issues: [] } }, status);
}

/** The answer to a request whose token is missing, unknown or revoked. */
export function refuseToken(c: Context, token: string | undefined) {
  const message =
    token === undefined
      ? 'This needs a personal access token: send "Authorization: Bearer <token>". Make one in Settings, under Access tokens.'
      : 'This access token is not valid: it was revoked, or it was copied wrongly. Make a new one in Settings, under Access tokens.';
  return problem(c, 401, 'unauthorized', message);
}

/** Checks a bearer token against the context's database; null when it is missing or not valid. */
export async function identify(c: Context<AppEnv>, token: string | undefined): Promise<TokenIdentity | null> {
  if (!token) return null;
  const ctx = c.var.ctx;
  const identity = await authenticateToken({ db: ctx.db, now: ctx.now, token });
  // Local mode has one workspace; a token of another workspace does not speak for this one.
  if (!identity || identity.workspaceId !== ctx.workspaceId) return null;
  return identity;
}

/**
 * Personal access tokens on the API. Without an Authorization header local mode works as it
 * always has; with one, the token must be valid, a read-only token may only read, and tokens
 * cannot manage tokens (an assistant should not be able to make itself a stronger one).
 */
export function tokenAuth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === undefined) return next();
    const identity = await identify(c, token);
    if (!identity) return refuseToken(c, token);
    if (c.req.path === '/api/tokens' || c.req.path.startsWith('/api/tokens/')) {
      return problem(
        c,
        403,
        'forbidden',
        'Access tokens are made and revoked in Settings, not with a token.',
      );
    }
    if (!scopeAllows(identity.scope, c.req.method, c.req.path)) {
      return problem(
        c,
        403,
        'forbidden',
        'This access token is read-only, so it cannot change anything. Make a read-write token in Settings to allow changes.',
      );
    }
    c.set('token', identity);
    await next();
  };
}
