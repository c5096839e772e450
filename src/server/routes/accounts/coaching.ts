import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../../domain/errors.js';
import {
  acceptCoachInvite,
  cancelCoachInvite,
  createCoachInvite,
  revokeCoach,
  sharedWorkspaces,
  sharing,
} from '../../../services/accounts/coaching.js';
import { type AppEnv, router } from '../../env.js';
import { IdParam, Timestamp } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Coaching'];

/** The signed-in account, or a refusal: coaching is a hosted server's, between accounts. */
function signedIn(c: Context<AppEnv>) {
  const account = c.var.account;
  if (!account) {
    throw new AppError('forbidden', {
      userMessage:
        'Coaching is between accounts on a hosted server: sign in to share a workspace or coach one.',
    });
  }
  return account;
}

const CoachInviteInput = z
  .object({ email: z.email({ error: 'must be an e-mail address' }).max(320) })
  .openapi('CoachInviteInput');

const CoachInvite = z
  .object({
    code: z.string().openapi({ description: 'Shown this once; send it to your coach' }),
    path: z.string().openapi({ description: 'The page that takes the code, on this server' }),
    email: z.string(),
    expiresAt: Timestamp,
  })
  .openapi('CoachInvite');

const Sharing = z
  .object({
    coaches: z.array(
      z.object({ accountId: z.string(), name: z.string(), email: z.string(), since: Timestamp }),
    ),
    invites: z.array(z.object({ id: z.string(), email: z.string(), expiresAt: Timestamp })),
    activity: z.array(
      z.object({
        kind: z.enum(['comment', 'suggestion']),
        at: Timestamp,
        coachName: z.string(),
        text: z.string(),
        conversationId: z.string().nullable(),
        conversationTitle: z.string().nullable(),
        taskId: z.string().nullable(),
      }),
    ),
  })
  .openapi('Sharing');

const SharedWorkspace = z
  .object({
    id: z.string().openapi({ description: 'The workspace; open it with the X-Rapport-Workspace header' }),
    name: z.string(),
    ownerName: z.string(),
    ownerEmail: z.string(),
    since: Timestamp,
    week: z.object({
      from: z.string().openapi({ description: 'The Monday (UTC) this week began' }),
      requestsSent: z.number(),
      meetingsHeld: z.number(),
      overdueFollowUps: z.number().openapi({ description: 'Open tasks and promises past their due date' }),
    }),
  })
  .openapi('SharedWorkspace');

const AcceptInput = z
  .object({ code: z.string().trim().min(1, 'is required').max(200) })
  .openapi('CoachAccept');

const AccountParam = z.object({
  accountId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'accountId', in: 'path' } }),
});

/**
 * Coach access (hosted mode): an owner invites a coach, sees what coaches did and stops sharing;
 * a coach takes up an invitation and lists the workspaces shared with them. What a coach may do
 * inside a client's workspace is decided in coach-access.ts.
 */
export const coachingRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/shared',
      tags,
      summary: 'The workspaces shared with you as a coach, with this week’s numbers',
      responses: { 200: json(z.array(SharedWorkspace), 'Shared workspaces, by name') },
    }),
    async (c) => {
      const account = signedIn(c);
      const ctx = c.var.ctx;
      const db = c.var.accountDb ?? ctx.db;
      const list = await sharedWorkspaces({ db, now: ctx.now, authUserId: account.authUserId });
      return c.json(serialize(list), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/accept',
      tags,
      summary: 'Take up a coach invitation: the workspace is then shared with you',
      request: body(AcceptInput),
      responses: {
        200: json(z.object({ id: z.string(), name: z.string() }), 'The workspace now shared with you'),
        ...errors(400, 404, 409),
      },
    }),
    async (c) => {
      const account = signedIn(c);
      const ctx = c.var.ctx;
      const shared = await acceptCoachInvite({
        db: c.var.accountDb ?? ctx.db,
        now: ctx.now,
        code: c.req.valid('json').code,
        authUserId: account.authUserId,
        name: account.name,
        email: account.email,
      });
      return c.json(shared, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invites',
      tags,
      summary: 'Invite a coach by e-mail: they read this workspace, comment and suggest tasks',
      request: body(CoachInviteInput),
      responses: { 201: json(CoachInvite, 'The invitation; the code is shown once'), ...errors(400) },
    }),
    async (c) => {
      const account = signedIn(c);
      const invite = await createCoachInvite({
        ...c.var.ctx,
        email: c.req.valid('json').email,
        createdBy: account.authUserId,
        ownerEmail: account.email,
      });
      return c.json(serialize({ ...invite, path: `/coaching?code=${encodeURIComponent(invite.code)}` }), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/invites/{id}',
      tags,
      summary: 'Withdraw a coach invitation not used yet',
      request: { params: IdParam },
      responses: { 204: { description: 'Withdrawn' }, ...errors(400, 404) },
    }),
    async (c) => {
      signedIn(c);
      await cancelCoachInvite({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/coaches',
      tags,
      summary: 'This workspace’s coaches, open invitations, and what the coaches did',
      responses: { 200: json(Sharing, 'Coaches, invitations and activity (newest first)') },
    }),
    async (c) => {
      signedIn(c);
      return c.json(serialize(await sharing(c.var.ctx)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/coaches/{accountId}',
      tags,
      summary: 'Stop sharing this workspace with a coach, at once',
      request: { params: AccountParam },
      responses: { 204: { description: 'No longer shared' }, ...errors(400, 404) },
    }),
    async (c) => {
      signedIn(c);
      await revokeCoach({ ...c.var.ctx, accountId: c.req.valid('param').accountId });
      return c.body(null, 204);
    },
  );
