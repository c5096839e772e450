import { createRoute, z } from '@hono/zod-openapi';
import { TARGET_STATUSES } from '../../../domain/lamp.js';
import {
  addTarget,
  listTargets,
  removeTarget,
  updateTarget,
} from '../../../services/organizations/targets.js';
import { router } from '../../env.js';
import { Id, IdParam } from '../../schemas.js';
import { body, errors, json } from '../common.js';

/** The ranked target organizations (LAMP), at /outreach/targets as before. */

const Target = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    motivation: z.number(),
    posting: z.number(),
    advocacy: z.boolean(),
    advocacyComputed: z.boolean(),
    advocacyOverride: z.boolean().nullable(),
    contacts: z.number(),
    advocates: z.number(),
    hasOpenPosting: z.boolean(),
    caution: z.string().nullable(),
    status: z.enum(TARGET_STATUSES),
    rank: z.number(),
    working: z.boolean(),
    version: z.number(),
  })
  .openapi('Target');
const TargetScores = {
  motivation: z.number().int().min(0, 'is 0 to 3').max(3, 'is 0 to 3').optional(),
  posting: z.number().int().min(1, 'is 1 to 3').max(3, 'is 1 to 3').optional(),
  advocacyOverride: z.boolean().nullish(),
  hasOpenPosting: z.boolean().optional(),
  status: z.enum(TARGET_STATUSES).optional(),
};

export const targetRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/targets',
      tags: ['Targets'],
      summary: 'The LAMP target list, ranked; the top ones are worked now',
      responses: { 200: json(z.array(Target), 'Targets') },
    }),
    async (c) => c.json(await listTargets(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/targets',
      tags: ['Targets'],
      summary: 'Put an organization on the target list',
      request: body(z.object({ organizationId: Id, ...TargetScores })),
      responses: { 201: json(Target, 'Added'), ...errors(400, 409) },
    }),
    async (c) => c.json(await addTarget({ ...c.var.ctx, input: c.req.valid('json') }), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/targets/{id}',
      tags: ['Targets'],
      summary: 'Change scores or status (ruling one out promotes the next)',
      request: {
        params: IdParam,
        ...body(z.object({ ...TargetScores, version: z.number().int().positive().optional() })),
      },
      responses: { 200: json(Target, 'Updated'), ...errors(400, 404, 409) },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      return c.json(await updateTarget({ ...c.var.ctx, id: c.req.valid('param').id, version, input }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/targets/{id}',
      tags: ['Targets'],
      summary: 'Take an organization off the target list',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errors(400, 404) },
    }),
    async (c) => {
      await removeTarget({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
