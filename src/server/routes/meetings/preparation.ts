import { createRoute, z } from '@hono/zod-openapi';
import { QUESTION_TOPICS } from '../../../domain/question-bank.js';
import { CONVERSATION_TYPES } from '../../../domain/vocab.js';
import { conversationBrief } from '../../../services/meetings/brief.js';
import { briefPdf } from '../../../services/meetings/brief-pdf.js';
import {
  addPlanItem,
  deletePlanItem,
  getPlan,
  proposeConversationPlan,
  reorderPlan,
  updatePlanItem,
} from '../../../services/meetings/plans.js';
import { getPrep, updatePrep } from '../../../services/meetings/prep.js';
import { createQuestion, listQuestions, updateQuestion } from '../../../services/meetings/questions.js';
import { router } from '../../env.js';
import { Id, IdParam } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Preparation'];
const SECTIONS = ['rapport', 'questions', 'their_needs', 'my_fit', 'feedback', 'next_steps'] as const;

const Question = z
  .object({
    id: z.string(),
    text: z.string(),
    topic: z.string(),
    goals: z.array(z.string()),
    searchableReason: z.string().nullable(),
    builtIn: z.boolean(),
    retiredAt: z.string().nullable(),
    version: z.number(),
  })
  .openapi('Question');
const QuestionInput = z.object({
  text: z.string().trim().min(5, 'is too short').max(500),
  topic: z.enum(QUESTION_TOPICS),
  goals: z.array(z.enum(CONVERSATION_TYPES)).max(7),
});
const Plan = z
  .object({
    durationMinutes: z.number(),
    totalMinutes: z.number(),
    overBy: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        section: z.string(),
        questionId: z.string().nullable(),
        text: z.string(),
        minutes: z.number(),
        position: z.number(),
        answer: z.string().nullable(),
        searchableReason: z.string().nullable(),
      }),
    ),
  })
  .openapi('Plan');
const Prep = z
  .object({
    answers: z.record(z.string(), z.unknown()),
    items: z.array(
      z.object({ key: z.string(), label: z.string(), done: z.boolean(), detail: z.string().optional() }),
    ),
    done: z.number(),
    total: z.number(),
    leaveBy: z.string().nullable(),
    status: z.enum(['ready', 'in_progress', 'not_started']),
  })
  .openapi('Prep');
const Brief = z
  .object({
    title: z.string(),
    type: z.string(),
    organization: z.string().nullable(),
    role: z.string().nullable(),
    participants: z.array(
      z.object({
        fullName: z.string(),
        role: z.string(),
        howWeKnow: z.string().nullable(),
        connection: z.string().nullable(),
        notes: z.string(),
      }),
    ),
    organizationNotes: z.array(z.string()),
    goals: z.array(z.string()),
    agenda: z.object({
      durationMinutes: z.number(),
      totalMinutes: z.number(),
      sections: z.array(
        z.object({
          section: z.string(),
          label: z.string(),
          minutes: z.number(),
          items: z.array(z.object({ text: z.string(), minutes: z.number() })),
        }),
      ),
    }),
    documents: z.array(
      z.object({ title: z.string(), versionLabel: z.string().nullable(), fileName: z.string() }),
    ),
    logistics: z
      .object({
        startsAt: z.string(),
        timeZone: z.string(),
        when: z.string(),
        durationMinutes: z.number(),
        medium: z.string(),
        place: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi('Brief');
const ConvParam = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });

export const preparationRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/questions',
      tags,
      summary: 'The question bank',
      request: {
        query: z.object({
          goal: z.enum(CONVERSATION_TYPES).optional(),
          topic: z.enum(QUESTION_TOPICS).optional(),
          includeRetired: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
      },
      responses: { 200: json(z.array(Question), 'Questions'), ...errors(400) },
    }),
    async (c) => c.json(serialize(await listQuestions({ ...c.var.ctx, ...c.req.valid('query') })), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/questions',
      tags,
      summary: 'Add your own question',
      request: body(QuestionInput),
      responses: { 201: json(Question, 'Created'), ...errors(400) },
    }),
    async (c) => c.json(serialize(await createQuestion({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/questions/{id}',
      tags,
      summary: 'Edit, re-tag or retire a question',
      request: {
        params: IdParam,
        ...body(
          QuestionInput.partial().extend({
            retired: z.boolean().optional(),
            version: z.number().int().positive().optional(),
          }),
        ),
      },
      responses: { 200: json(Question, 'Updated'), ...errors(400, 404, 409) },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      return c.json(
        serialize(await updateQuestion({ ...c.var.ctx, id: c.req.valid('param').id, version, input })),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}',
      tags,
      summary: "A conversation's timed agenda",
      request: { params: ConvParam },
      responses: { 200: json(Plan, 'Plan'), ...errors(400, 404) },
    }),
    async (c) => c.json(await getPlan({ ...c.var.ctx, conversationId: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans/{id}/propose',
      tags,
      summary: 'Propose an agenda for the chosen goals that fits the meeting (replaces the current one)',
      request: {
        params: ConvParam,
        ...body(
          z.object({
            goals: z.array(z.enum(CONVERSATION_TYPES)).max(7).optional(),
            mySkills: z.array(z.string().trim().min(1).max(100)).max(10).optional(),
          }),
        ),
      },
      responses: { 200: json(Plan, 'Plan'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        await proposeConversationPlan({
          ...c.var.ctx,
          conversationId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans/{id}/items',
      tags,
      summary: 'Add a question to the agenda',
      request: {
        params: ConvParam,
        ...body(
          z.object({
            section: z.enum(SECTIONS),
            questionId: Id.optional(),
            text: z.string().trim().max(500).optional(),
            minutes: z.number().int().min(0).max(60).optional(),
          }),
        ),
      },
      responses: { 200: json(Plan, 'Plan'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        await addPlanItem({ ...c.var.ctx, conversationId: c.req.valid('param').id, ...c.req.valid('json') }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{id}/order',
      tags,
      summary: 'Reorder the agenda',
      request: { params: ConvParam, ...body(z.object({ itemIds: z.array(Id).max(100) })) },
      responses: { 200: json(Plan, 'Plan'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        await reorderPlan({ ...c.var.ctx, conversationId: c.req.valid('param').id, ...c.req.valid('json') }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/plan-items/{id}',
      tags,
      summary: 'Edit one line of the agenda, or note its answer',
      request: {
        params: IdParam,
        ...body(
          z.object({
            text: z.string().trim().min(1).max(500).optional(),
            minutes: z.number().int().min(0).max(60).optional(),
            answer: z.string().max(20_000).nullish(),
            section: z.enum(SECTIONS).optional(),
          }),
        ),
      },
      responses: { 200: json(Plan, 'Plan'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        await updatePlanItem({ ...c.var.ctx, id: c.req.valid('param').id, ...c.req.valid('json') }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/plan-items/{id}',
      tags,
      summary: 'Remove a line from the agenda',
      request: { params: IdParam },
      responses: { 200: json(Plan, 'Plan'), ...errors(400, 404) },
    }),
    async (c) => c.json(await deletePlanItem({ ...c.var.ctx, id: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/prep/{id}',
      tags,
      summary: "The meeting's preparation checklist",
      request: { params: ConvParam },
      responses: { 200: json(Prep, 'Checklist'), ...errors(400, 404, 422) },
    }),
    async (c) =>
      c.json(serialize(await getPrep({ ...c.var.ctx, conversationId: c.req.valid('param').id })), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/prep/{id}',
      tags,
      summary: 'Tick preparation items',
      request: {
        params: ConvParam,
        ...body(
          z.object({
            researchDone: z.boolean().optional(),
            confirmed: z.boolean().optional(),
            documentsReady: z.boolean().optional(),
            extraCopies: z.boolean().optional(),
            travelMinutes: z.number().int().min(0).max(600).optional(),
          }),
        ),
      },
      responses: { 200: json(Prep, 'Checklist'), ...errors(400, 404, 422) },
    }),
    async (c) =>
      c.json(
        serialize(
          await updatePrep({
            ...c.var.ctx,
            conversationId: c.req.valid('param').id,
            answers: c.req.valid('json'),
          }),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/brief/{id}',
      tags,
      summary: 'The one-page brief of a conversation',
      request: { params: ConvParam },
      responses: { 200: json(Brief, 'Brief'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        serialize(await conversationBrief({ ...c.var.ctx, conversationId: c.req.valid('param').id })),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/brief/{id}/pdf',
      tags,
      summary: 'The brief as a PDF download',
      request: { params: ConvParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const brief = await conversationBrief({ ...c.var.ctx, conversationId: c.req.valid('param').id });
      const pdf = await briefPdf(brief);
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="brief.pdf"',
      });
    },
  );
