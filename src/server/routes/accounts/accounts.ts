import { createRoute, z } from '@hono/zod-openapi';
import { SIGN_UP_MODES } from '../../../config.js';
import { AppError } from '../../../domain/errors.js';
import { createInvite } from '../../../services/accounts/invites.js';
import { router } from '../../env.js';
import { errors, json } from '../common.js';

const tags = ['Accounts'];

const SessionInfo = z
  .object({
    mode: z.enum(['local', 'hosted']).openapi({
      description: '"local": one person on this machine, no sign-in; "hosted": accounts, sign-in first',
    }),
    signUp: z
      .enum(SIGN_UP_MODES)
      .nullable()
      .openapi({ description: 'Who may make an account (hosted only)' }),
    account: z
      .object({
        email: z.string(),
        name: z.string(),
        emailVerified: z.boolean().openapi({ description: 'Whether the account has confirmed its address' }),
        serverSendsMail: z.boolean().openapi({
          description:
            'Whether this server can mail the account (a confirmation link, a password reset); without mail settings it cannot',
        }),
      })
      .nullable()
      .openapi({ description: 'The signed-in account; null when signed out, and always in local mode' }),
  })
  .openapi('SessionInfo');

/**
 * What the web app needs before its first page: whether this server has accounts, and whether
 * someone is signed in. Sign-up, sign-in, sign-out and account deletion are better-auth's
 * endpoints under /api/auth (see docs/hosting.md).
 */
export const sessionRoutes = router().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    summary: 'Whether this server has accounts, and who is signed in',
    responses: { 200: json(SessionInfo, 'The mode and the signed-in account') },
  }),
  async (c) => {
    const hosted = c.var.hosted;
    const account = c.var.account;
    return c.json(
      {
        mode: hosted ? ('hosted' as const) : ('local' as const),
        signUp: hosted?.signUp ?? null,
        account: account
          ? {
              email: account.email,
              name: account.name,
              emailVerified: account.emailVerified,
              serverSendsMail: hosted?.sendsMail ?? false,
            }
          : null,
      },
      200,
    );
  },
);

const Invite = z
  .object({
    code: z.string().openapi({ description: 'Shown this once; give it to the person you invite' }),
    expiresAt: z.string(),
  })
  .openapi('Invite');

export const accountRoutes = router().openapi(
  createRoute({
    method: 'post',
    path: '/invites',
    tags,
    summary: 'Make an invitation code for one sign-up (hosted mode with invite-only sign-up)',
    responses: { 201: json(Invite, 'The invitation'), ...errors(400) },
  }),
  async (c) => {
    const account = c.var.account;
    if (!account) {
      throw new AppError('forbidden', {
        userMessage: 'Invitations are made by a signed-in account on a hosted server.',
      });
    }
    const invite = await createInvite({
      db: c.var.ctx.db,
      now: c.var.ctx.now,
      createdBy: account.authUserId,
    });
    return c.json({ code: invite.code, expiresAt: invite.expiresAt.toISOString() }, 201);
  },
);
