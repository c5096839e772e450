import { createRoute, z } from '@hono/zod-openapi';
import { OPPORTUNITY_KINDS } from '../../../domain/vocab.js';
import {
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  listOpportunities,
  startFeedbackConversation,
  updateOpportunity,
} from '../../../services/results/opportunities.js';
import { dashboard } from '../../../services/results/stats.js';
import { router } from '../../env.js';
import { Conversation, Id, IdParam } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const Source = z.object({
  conversationId: z.string().nullable(),
  conversationTitle: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
});

const Filter = z.object({
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
  organizationId: Id.optional(),
  personId: Id.optional().openapi({
    description: 'Only those this person led to: a source, or in a conversation that is one.',
  }),
  conversationId: Id.optional().openapi({
    description: 'Only those with this conversation among their sources.',
  }),
});

export const Opportunity = z
  .object({
    id: z.string(),
    kind: z.enum(OPPORTUNITY_KINDS),
    title: z.string(),
    organizationId: z.string().nullable(),
    occurredOn: z.string(),
    notes: z.string(),
    sources: z.array(Source),
    version: z.number(),
    createdAt: z.string(),
  })
  .openapi('Opportunity');

const OpportunityInput = z.object({
  kind: z.enum(OPPORTUNITY_KINDS),
  title: z.string().trim().min(1, 'is required').max(300),
  organizationId: Id.nullish(),
  occurredOn: z.iso.date('must be a date like 2026-01-31'),
  notes: z.string().max(20_000).optional(),
  sources: z
    .array(z.object({ conversationId: Id.nullish(), personId: Id.nullish() }))
    .max(20)
    .refine(
      (s) => s.every((x) => x.conversationId || x.personId),
      'each source needs a conversation or a person',
    ),
});

const Rate = z.object({
  key: z.string(),
  sent: z.number(),
  replied: z.number(),
  rate: z.number().nullable(),
});

export const opportunityRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Results'],
      summary: 'What the conversations produced, newest first',
      request: { query: Filter },
      responses: { 200: json(z.array(Opportunity), 'Opportunities'), ...errors(400) },
    }),
    async (c) => c.json(serialize(await listOpportunities(c.var.ctx, c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Results'],
      summary: 'Record an opportunity and the conversations and people it came from',
      request: body(OpportunityInput),
      responses: { 201: json(Opportunity, 'Created'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(serialize(await createOpportunity({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['Results'],
      summary: 'Edit an opportunity',
      request: {
        params: IdParam,
        ...body(OpportunityInput.partial().extend({ version: z.number().int().positive().optional() })),
      },
      responses: { 200: json(Opportunity, 'Updated'), ...errors(400, 404, 409) },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      return c.json(
        serialize(await updateOpportunity({ ...c.var.ctx, id: c.req.valid('param').id, version, input })),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['Results'],
      summary: 'Delete an opportunity',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deleteOpportunity({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/feedback-conversation',
      tags: ['Results'],
      summary: 'After a rejection, start a feedback conversation with the hiring manager',
      request: { params: IdParam, ...body(z.object({ personId: Id })) },
      responses: { 201: json(Conversation, 'Created'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        serialize(
          await startFeedbackConversation({
            ...c.var.ctx,
            opportunityId: c.req.valid('param').id,
            personId: c.req.valid('json').personId,
          }),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/dashboard',
      tags: ['Results'],
      summary: 'The results dashboard: funnel, reply rates, reply speed, meeting pace',
      responses: {
        200: json(
          z.object({
            funnel: z.array(
              z.object({
                stage: z.string(),
                label: z.string(),
                count: z.number(),
                rateFromPrevious: z.number().nullable(),
                rateFromStart: z.number().nullable(),
              }),
            ),
            replyRate: z.object({
              byChannel: z.array(Rate),
              byTemplate: z.array(Rate),
              warmVsCold: z.array(Rate),
              byIntroducer: z.array(Rate),
            }),
            medianDaysToReply: z.number().nullable(),
            replyBehaviour: z.array(
              z.object({
                behaviour: z.string(),
                label: z.string(),
                total: z.number().openapi({ description: 'Everyone in the group.' }),
                people: z.array(z.object({ id: z.string(), fullName: z.string() })).openapi({
                  description: 'The first 12 of the group, the most recently asked first.',
                }),
              }),
            ),
            meetingsPerWeek: z.object({
              weeks: z.array(z.object({ weekStart: z.string(), count: z.number() })),
              goal: z.number(),
            }),
            conversationsPerOffer: z.object({
              mine: z.number().nullable().openapi({
                description: 'Conversations held per offer credited to a conversation; null when none is.',
              }),
              held: z.number(),
              offers: z.number().openapi({
                description:
                  'Offers credited to a conversation: directly, through a person met, or down an introduction chain.',
              }),
              otherOffers: z.number().openapi({ description: 'Offers with no conversation behind them.' }),
              reference: z.number(),
              caveat: z.string(),
              otherFigures: z.array(z.object({ figure: z.string(), source: z.string(), caveat: z.string() })),
            }),
            credits: z.object({
              total: z.number().openapi({ description: 'Every result recorded.' }),
              results: z
                .array(
                  z.object({
                    id: z.string(),
                    kind: z.enum(OPPORTUNITY_KINDS),
                    title: z.string(),
                    occurredOn: z.string(),
                    conversations: z.array(z.object({ id: z.string(), title: z.string() })).openapi({
                      description:
                        'Conversations it is credited to: its source, or where someone up its introduction chain was met or introduced.',
                    }),
                    people: z
                      .array(z.object({ id: z.string(), fullName: z.string() }))
                      .openapi({ description: 'People recorded as its source.' }),
                  }),
                )
                .openapi({ description: 'The latest 10 results, newest first.' }),
            }),
          }),
          'Dashboard',
        ),
      },
    }),
    async (c) => c.json(await dashboard(c.var.ctx), 200),
  )
  // After /dashboard, so that path is not read as an id.
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Results'],
      summary: 'One opportunity, with the conversations and people it came from',
      request: { params: IdParam },
      responses: { 200: json(Opportunity, 'The opportunity'), ...errors(400, 404) },
    }),
    async (c) => c.json(serialize(await getOpportunity({ ...c.var.ctx, id: c.req.valid('param').id })), 200),
  );
