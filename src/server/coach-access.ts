import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from '../db/client.js';
import { type CoachSeat, coachSeat } from '../services/accounts/coaching.js';
import type { AppEnv } from './env.js';

/**
 * Which workspace a signed-in account has open. A coach picks a shared workspace with a cookie
 * (the web app sets it) or, from a script, this header; without either, the account's own
 * workspace. Every /api path stays as it is, and links the browser follows itself (downloads,
 * documents) carry the cookie too. Either only picks among the account's own memberships, checked
 * on every request, so a revoked coach is refused on the next one.
 */
export const WORKSPACE_HEADER = 'x-rapport-workspace';
export const WORKSPACE_COOKIE = 'rapport_workspace';

/** What an account asks of itself, in its own workspace, whichever workspace it has open. */
const OWN_ACCOUNT_PATHS = new Set(['/api/session', '/api/coaching/shared', '/api/coaching/accept']);

/**
 * The only changes a coach may make in a client's workspace: comment on a conversation, suggest
 * a task (and take up another invitation, which concerns the coach's own account).
 */
export const COACH_WRITES: readonly (readonly [method: string, path: string])[] = [
  ['POST', '/api/conversations/{id}/comments'],
  ['POST', '/api/tasks/suggestions'],
  ['POST', '/api/coaching/accept'],
];

/** Reads a coach may not make (these paths and all below them): a copy of the workspace is its owner's to take. */
export const COACH_REFUSED_READS: readonly string[] = ['/api/backup', '/api/exports'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

const writes = COACH_WRITES.map(([method, path]) => ({ method, re: pattern(path) }));
const refusedRead = (path: string) => COACH_REFUSED_READS.some((p) => path === p || path.startsWith(`${p}/`));

function refuse(c: Context, status: 403, code: string, message: string) {
  return c.json({ error: { code, message, issues: [] } }, status);
}

/**
 * The coach's seat for this request, when the account asked for a workspace shared with it; null
 * for its own workspace; a 403 answer when the workspace asked for is not (or no longer) shared.
 */
export async function openCoachSeat(
  c: Context<AppEnv>,
  db: Db,
  authUserId: string,
  ownWorkspaceId: string,
): Promise<CoachSeat | Response | null> {
  const asked = (c.req.header(WORKSPACE_HEADER) ?? getCookie(c, WORKSPACE_COOKIE) ?? '').trim();
  if (!asked || asked === ownWorkspaceId || OWN_ACCOUNT_PATHS.has(c.req.path)) return null;
  const seat = UUID.test(asked) ? await coachSeat(db, authUserId, asked) : null;
  if (seat) return seat;
  return refuse(
    c,
    403,
    'not_shared',
    'This workspace is not shared with you (its owner may have stopped sharing it). Go back to your own workspace.',
  );
}

/**
 * What a coach may do in a client's workspace, decided here and nowhere else: every read but a
 * backup or export; of the changes, only those in COACH_WRITES. MCP (whose reads and writes share
 * one POST) stays the owner's.
 */
export function coachAccess(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.coach) return next();
    const path = c.req.path;
    const method = c.req.method;
    if (path === '/mcp') {
      return refuse(
        c,
        403,
        'coach_read_only',
        'A coach reads a shared workspace in the app; the MCP endpoint is for its owner.',
      );
    }
    if (method === 'GET' || method === 'HEAD') {
      if (refusedRead(path)) {
        return refuse(
          c,
          403,
          'coach_read_only',
          'Exports and backups of a workspace are for its owner only: as a coach you can read it here.',
        );
      }
      return next();
    }
    if (writes.some((w) => w.method === method && w.re.test(path))) return next();
    return refuse(
      c,
      403,
      'coach_read_only',
      'You are coaching this workspace: you can read it, comment on conversations and suggest tasks, but only its owner can change it.',
    );
  };
}
