import { createRoute, z } from '@hono/zod-openapi';
import { TOKEN_SCOPES } from '../../../domain/vocab.js';
import { createAccessToken, listAccessTokens, revokeAccessToken } from '../../../services/tokens/tokens.js';
import { router } from '../../env.js';
import { IdParam } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Access tokens'];

const AccessToken = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    prefix: z.string().openapi({ description: 'The first characters of the token, to tell tokens apart' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('AccessToken');

const AccessTokenInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    scope: z.enum(TOKEN_SCOPES).openapi({
      description: '"read" may only read (GET); "write" may also change the workspace',
    }),
  })
  .openapi('AccessTokenInput');

/** Personal access tokens for assistants and scripts. Managed without a token only (see token-auth.ts). */
export const tokenRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Your access tokens (their secrets are shown only when created)',
      responses: { 200: json(z.array(AccessToken), 'Tokens') },
    }),
    async (c) => c.json(serialize(await listAccessTokens(c.var.ctx)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create an access token for the API and /mcp; the answer holds the token, shown this once',
      request: body(AccessTokenInput),
      responses: {
        201: json(AccessToken.extend({ token: z.string() }), 'Created'),
        ...errors(400),
      },
    }),
    async (c) =>
      c.json(serialize(await createAccessToken({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Revoke a token: it stops working at once',
      request: { params: IdParam },
      responses: { 200: json(AccessToken, 'Revoked'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(serialize(await revokeAccessToken({ ...c.var.ctx, id: c.req.valid('param').id })), 200),
  );
