import type { Context, MiddlewareHandler, Next } from 'hono';
import type { SignUpMode } from '../config.js';
import type { WorkspaceScope } from '../db/rls.js';
import type { Auth } from '../services/accounts/auth.js';
import { ensureAccountWorkspace } from '../services/accounts/workspaces.js';
import type { Ctx } from '../services/context.js';
import { calendarFeedWorkspace } from '../services/meetings/calendar.js';
import { authenticateToken } from '../services/tokens/tokens.js';
import { openCoachSeat } from './coach-access.js';
import type { AppEnv } from './env.js';
import { bearerToken, refuseToken } from './token-auth.js';

/** A workspace id no row has: the context of requests that may not read any workspace. */
export const NO_WORKSPACE = '00000000-0000-0000-0000-000000000000';

/** API paths a hosted server answers without a session: what the sign-in page needs. */
const OPEN_PATHS = new Set(['/api/session', '/api/openapi.json']);

/**
 * Calendar feeds are fetched by calendar programs (Google, Outlook), which hold no session: the
 * secret in the link is the credential, and the feed is read from that link's own workspace.
 * A feed request never reads a session cookie (a browser opening the link sends one) and never
 * sets one, as for requests with an access token.
 */
const FEED_PREFIX = '/api/calendar/feed/';

/**
 * Answers whose body is written after the handler returns (CSV exports, progress streams): their
 * request transaction stays open until the body has been read to its end or dropped.
 */
const STREAMED = /^(text\/csv|application\/x-ndjson)\b/;

/** Reads `body` on, and calls `finished` once it ends, fails or is cancelled. */
function untilRead(body: ReadableStream<Uint8Array>, finished: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          finished();
        } else {
          controller.enqueue(value);
        }
      } catch (err) {
        controller.error(err);
        finished();
      }
    },
    async cancel(reason) {
      try {
        await reader.cancel(reason);
      } finally {
        finished();
      }
    },
  });
}

/**
 * Runs the rest of the request in `ctx`. With row-level security (PostgreSQL) that is one
 * transaction which sees `ctx.workspaceId`'s rows only, and `ctx.db` is that transaction.
 */
async function runIn(
  c: Context<AppEnv>,
  next: Next,
  ctx: Ctx,
  scope: WorkspaceScope | undefined,
): Promise<void> {
  if (!scope) {
    c.set('ctx', ctx);
    await next();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    let answered = false;
    scope(ctx.workspaceId, async (db) => {
      c.set('ctx', { ...ctx, db });
      await next();
      const body = c.res.body;
      if (!body || !STREAMED.test(c.res.headers.get('content-type') ?? '')) return;
      let finished!: () => void;
      const read = new Promise<void>((r) => {
        finished = r;
      });
      c.res = new Response(untilRead(body, finished), c.res);
      answered = true;
      resolve();
      await read;
    }).then(resolve, (err: unknown) => {
      if (answered) console.error(`A streamed answer's transaction failed: ${String(err)}`);
      else reject(err);
    });
  });
}

/**
 * Hosted mode's front door on /api and /mcp: each request gets the context of the workspace
 * its session cookie (or personal access token) belongs to; without either, 401.
 */
export function sessionAuth(opts: {
  auth: Auth;
  base: () => Ctx;
  signUp: SignUpMode;
  sendsMail: boolean;
  /** Row-level security's per-request transaction (rls.ts); absent on PGlite. */
  scope?: WorkspaceScope;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const base = opts.base();
    c.set('hosted', { signUp: opts.signUp, sendsMail: opts.sendsMail });
    // /mcp calls the API in-process, one request per tool call: each of those gets its own
    // transaction, so the outer request holds none (it would keep a connection idle meanwhile).
    const scope = c.req.path === '/mcp' ? undefined : opts.scope;
    const token = bearerToken(c.req.header('authorization'));
    if (token !== undefined) {
      const identity = token ? await authenticateToken({ db: base.db, now: base.now, token }) : null;
      if (!identity) return refuseToken(c, token);
      await runIn(c, next, { ...base, workspaceId: identity.workspaceId, userId: identity.userId }, scope);
      c.res.headers.delete('set-cookie');
      return;
    }
    const nobody: Ctx = { ...base, workspaceId: NO_WORKSPACE, userId: NO_WORKSPACE };
    if (c.req.path.startsWith(FEED_PREFIX)) {
      const secret = c.req.path.slice(FEED_PREFIX.length).replace(/\.ics$/, '');
      const workspaceId = opts.scope ? await calendarFeedWorkspace(base.db, secret) : null;
      await runIn(c, next, workspaceId ? { ...nobody, workspaceId } : nobody, scope);
      c.res.headers.delete('set-cookie');
      return;
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
      c.set('account', {
        authUserId: user.id,
        email: user.email,
        name: user.name,
        emailVerified: user.emailVerified,
      });
      // Coach access (coach-access.ts): a workspace shared with this account, when it asks for one.
      const seat = await openCoachSeat(c, base.db, user.id, workspace.workspaceId);
      if (seat instanceof Response) return seat;
      if (seat) c.set('coach', seat);
      c.set('accountDb', base.db);
      const chosen = seat ? { workspaceId: seat.workspaceId, userId: seat.userId } : workspace;
      await runIn(c, next, { ...base, ...chosen }, scope);
      // A session nearing its end is extended; the browser's cookie follows.
      for (const cookie of headers.getSetCookie()) c.res.headers.append('set-cookie', cookie);
      return;
    }
    if (OPEN_PATHS.has(c.req.path)) return runIn(c, next, nobody, scope);
    c.set('ctx', nobody);
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
