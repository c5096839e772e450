import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accessTokens } from '../../db/schema.js';
import { looksLikeToken, SHOWN_PREFIX_LENGTH, TOKEN_PREFIX } from '../../domain/access-tokens.js';
import { invalidField, notFound } from '../../domain/errors.js';
import type { TokenScope } from '../../domain/vocab.js';
import type { Ctx } from '../context.js';

/** How often the last-used time is written: a busy assistant should not write on every call. */
const LAST_USED_EVERY_MS = 60_000;

/** A token as listed: never its secret. */
export interface AccessTokenInfo {
  id: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Who a valid token speaks for. */
export interface TokenIdentity {
  tokenId: string;
  workspaceId: string;
  userId: string;
  scope: TokenScope;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const columns = {
  id: accessTokens.id,
  name: accessTokens.name,
  scope: accessTokens.scope,
  prefix: accessTokens.prefix,
  createdAt: accessTokens.createdAt,
  lastUsedAt: accessTokens.lastUsedAt,
  revokedAt: accessTokens.revokedAt,
};

/**
 * Creates a token for the current user. The secret is returned this once; only its hash is kept,
 * so it cannot be shown again.
 */
export async function createAccessToken(
  ctx: Ctx & { input: { name: string; scope: TokenScope } },
): Promise<AccessTokenInfo & { token: string }> {
  const name = ctx.input.name.trim();
  if (!name) throw invalidField('name', 'is required');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await ctx.db
    .insert(accessTokens)
    .values({
      workspaceId: ctx.workspaceId,
      userId: ctx.userId,
      name,
      scope: ctx.input.scope,
      tokenHash: hashToken(token),
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      createdAt: ctx.now(),
    })
    .returning(columns);
  return { ...row!, token };
}

/** The workspace's tokens, newest first, revoked ones included. */
export async function listAccessTokens(ctx: Ctx): Promise<AccessTokenInfo[]> {
  return ctx.db
    .select(columns)
    .from(accessTokens)
    .where(eq(accessTokens.workspaceId, ctx.workspaceId))
    .orderBy(desc(accessTokens.createdAt), desc(accessTokens.id));
}

/** Revokes a token: the next request that shows it is refused. Revoking twice changes nothing. */
export async function revokeAccessToken(ctx: Ctx & { id: string }): Promise<AccessTokenInfo> {
  const where = and(eq(accessTokens.id, ctx.id), eq(accessTokens.workspaceId, ctx.workspaceId));
  await ctx.db
    .update(accessTokens)
    .set({ revokedAt: ctx.now() })
    .where(and(where, isNull(accessTokens.revokedAt)));
  const [row] = await ctx.db.select(columns).from(accessTokens).where(where);
  if (!row) throw notFound('access token', ctx.id);
  return row;
}

/**
 * The identity behind a token, or null when it is unknown or revoked. Records when it was used
 * (at most once a minute per token).
 */
export async function authenticateToken(opts: {
  db: Db;
  now: () => Date;
  token: string;
}): Promise<TokenIdentity | null> {
  if (!looksLikeToken(opts.token)) return null;
  const [row] = await opts.db
    .select({
      id: accessTokens.id,
      workspaceId: accessTokens.workspaceId,
      userId: accessTokens.userId,
      scope: accessTokens.scope,
    })
    .from(accessTokens)
    .where(and(eq(accessTokens.tokenHash, hashToken(opts.token)), isNull(accessTokens.revokedAt)));
  if (!row) return null;
  const now = opts.now();
  await opts.db
    .update(accessTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(accessTokens.id, row.id),
        or(
          isNull(accessTokens.lastUsedAt),
          lt(accessTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_EVERY_MS)),
        ),
      ),
    );
  return { tokenId: row.id, workspaceId: row.workspaceId, userId: row.userId, scope: row.scope };
}
