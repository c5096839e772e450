import { createRoute, z } from '@hono/zod-openapi';
import { knownRoles, organizationKnowledge, roleKnowledge } from '../../../services/insights/knowledge.js';
import { router } from '../../env.js';
import { IdParam } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { errors, json } from '../common.js';

/** What was learned across conversations, about an organization or a role. Mounted under /preparation. */

const Insight = z.object({
  id: z.string(),
  topic: z.string(),
  body: z.string(),
  skills: z.array(z.string()),
  role: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  conversationId: z.string().nullable(),
  createdAt: z.string(),
});
const ByTopic = z.array(z.object({ topic: z.string(), insights: z.array(Insight) }));

export const knowledgeRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/knowledge/organizations/{id}',
      tags: ['Knowledge'],
      summary: 'Everything learned about an organization, by topic',
      request: { params: IdParam },
      responses: { 200: json(ByTopic, 'Insights by topic'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        serialize(await organizationKnowledge({ ...c.var.ctx, organizationId: c.req.valid('param').id })),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/knowledge/roles',
      tags: ['Knowledge'],
      summary: 'Roles and careers with insights',
      responses: {
        200: json(z.array(z.object({ role: z.string().nullable(), count: z.number() })), 'Roles'),
      },
    }),
    async (c) => c.json(await knownRoles(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/knowledge/role',
      tags: ['Knowledge'],
      summary: 'What people said about a role, with a tally of skills',
      request: { query: z.object({ role: z.string().trim().min(1).max(200) }) },
      responses: {
        200: json(
          z.object({
            role: z.string(),
            skills: z.array(z.object({ skill: z.string(), people: z.number(), of: z.number() })),
            byTopic: ByTopic,
          }),
          'Role',
        ),
        ...errors(400),
      },
    }),
    async (c) => c.json(serialize(await roleKnowledge({ ...c.var.ctx, ...c.req.valid('query') })), 200),
  );
