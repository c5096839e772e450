import { createRoute, z } from '@hono/zod-openapi';
import { INTRODUCTION_STATES } from '../../../domain/vocab.js';
import {
  createIntroduction,
  deleteIntroduction,
  introductionChainOf,
  introductionGraph,
  personIntroductions,
  updateIntroduction,
} from '../../../services/network/introductions.js';
import { organizationCoverage, warmPathsTo } from '../../../services/network/warm-paths.js';
import { creditsFor } from '../../../services/results/opportunities.js';
import { router } from '../../env.js';
import { Id, IdParam } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';
import { Opportunity } from '../results/opportunities.js';

const tags = ['Network'];

const Introduction = z
  .object({
    id: z.string(),
    introducerId: z.string(),
    introducedId: z.string(),
    viaConversationId: z.string().nullable(),
    state: z.enum(INTRODUCTION_STATES),
    introducedOn: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Introduction');

const IntroductionInput = z.object({
  introducerId: Id.optional(),
  introducedId: Id.optional(),
  newPerson: z
    .object({ fullName: z.string().trim().min(1, 'is required').max(200) })
    .nullish()
    .openapi({
      description:
        'Someone not in the workspace yet: added with the introduction, in place of the id left out (introducerId or introducedId).',
    }),
  viaConversationId: Id.nullish(),
  state: z.enum(INTRODUCTION_STATES).optional(),
  introducedOn: z.iso.date('must be a date like 2026-01-31').nullish(),
  note: z.string().trim().max(2000).nullish(),
});

const PersonRef = z.object({ id: z.string(), fullName: z.string() });

export const networkRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/introductions',
      tags,
      summary: 'Introductions to and by one person',
      request: { query: z.object({ personId: Id }) },
      responses: {
        200: json(
          z.array(Introduction.extend({ introducerName: z.string(), introducedName: z.string() })),
          'List',
        ),
        ...errors(400),
      },
    }),
    async (c) => c.json(serialize(await personIntroductions({ ...c.var.ctx, ...c.req.valid('query') })), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/introductions',
      tags,
      summary: 'Record who introduced whom',
      request: body(IntroductionInput),
      responses: { 201: json(Introduction, 'Created'), ...errors(400, 409) },
    }),
    async (c) =>
      c.json(serialize(await createIntroduction({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/introductions/{id}',
      tags,
      summary: 'Move an introduction along (asked, made, met, thanked)',
      request: {
        params: IdParam,
        ...body(
          z.object({ state: z.enum(INTRODUCTION_STATES).optional(), note: z.string().max(2000).nullish() }),
        ),
      },
      responses: { 200: json(Introduction, 'Updated'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        serialize(
          await updateIntroduction({ ...c.var.ctx, id: c.req.valid('param').id, ...c.req.valid('json') }),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/introductions/{id}',
      tags,
      summary: 'Delete an introduction',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deleteIntroduction({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/graph',
      tags,
      summary: 'The introduction graph: people in an introduction, and the edges',
      responses: {
        200: json(
          z.object({
            nodes: z.array(
              PersonRef.extend({ organizationId: z.string().nullable(), seniority: z.string().nullable() }),
            ),
            edges: z.array(
              z.object({
                id: z.string(),
                source: z.string(),
                target: z.string(),
                state: z.enum(INTRODUCTION_STATES),
              }),
            ),
            truncated: z.boolean().openapi({
              description:
                'True when there are more introductions than the graph shows (the newest are shown).',
            }),
            totalEdges: z.number().openapi({ description: 'All introductions in the workspace.' }),
          }),
          'Graph',
        ),
      },
    }),
    async (c) => c.json(await introductionGraph(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/chain/{id}',
      tags,
      summary: 'The chain of introductions that led to a person',
      request: { params: IdParam },
      responses: {
        200: json(z.object({ chain: z.array(PersonRef), text: z.string() }), 'Chain'),
        ...errors(400),
      },
    }),
    async (c) => c.json(await introductionChainOf({ ...c.var.ctx, personId: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/credits/{id}',
      tags,
      summary: 'Opportunities credited to a person, directly or through people they introduced',
      request: { params: IdParam },
      responses: {
        200: json(z.array(Opportunity.extend({ direct: z.boolean() })), 'Credits'),
        ...errors(400),
      },
    }),
    async (c) =>
      c.json(serialize(await creditsFor({ ...c.var.ctx, personId: c.req.valid('param').id })), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/warm-paths/{id}',
      tags,
      summary: 'The best ways into an organization, ranked',
      request: { params: IdParam },
      responses: {
        200: json(
          z.array(
            z.object({
              insiderId: z.string(),
              via: z.array(z.string()),
              people: z.array(PersonRef),
              hops: z.number(),
              strength: z.number(),
              formerly: z.boolean(),
            }),
          ),
          'Paths',
        ),
        ...errors(400, 404),
      },
    }),
    async (c) => c.json(await warmPathsTo({ ...c.var.ctx, organizationId: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/coverage/{id}',
      tags,
      summary: 'Who we have heard from at an organization, and what is missing',
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({
            people: z.number(),
            heardFrom: z.number(),
            levelsHeard: z.array(z.string()),
            levelsNotHeard: z.array(z.string()),
            functionsHeard: z.array(z.string()),
            stages: z.record(z.string(), z.number()),
            openPaths: z.number(),
            nudges: z.array(z.string()),
          }),
          'Coverage',
        ),
        ...errors(400, 404),
      },
    }),
    async (c) =>
      c.json(await organizationCoverage({ ...c.var.ctx, organizationId: c.req.valid('param').id }), 200),
  );
