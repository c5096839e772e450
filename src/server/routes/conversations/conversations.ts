import { createRoute, z } from '@hono/zod-openapi';
import { conversationFollowUps } from '../../../services/agenda/agenda.js';
import {
  createConversation,
  deleteConversation,
  getConversation,
  type listConversations,
  listConversationsJson,
  moveConversation,
  updateConversation,
} from '../../../services/conversations/conversations.js';
import { answerReply } from '../../../services/conversations/reply-answer.js';
import { thankYouDraft } from '../../../services/debrief/thank-you.js';
import { scheduleMeeting } from '../../../services/meetings/meetings.js';
import { router } from '../../env.js';
import {
  Conversation,
  ConversationInput,
  ConversationPatch,
  ConversationSummary,
  ConversationsQuery,
  Id,
  IdParam,
  listOf,
  MeetingInput,
  MoveInput,
} from '../../schemas.js';
import { jsonText, serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Conversations'];

export const conversationRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List conversations, most recently changed first',
      request: { query: ConversationsQuery },
      responses: { 200: json(listOf(ConversationSummary), 'Conversations'), ...errors(400) },
    }),
    async (c) => {
      const page = await listConversationsJson({ ...c.var.ctx, ...c.req.valid('query') });
      return jsonText<Awaited<ReturnType<typeof listConversations>>, 200>(
        c,
        `{"items":${page.itemsJson},"total":${page.total}}`,
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Create a conversation (starts as an idea)',
      request: body(ConversationInput),
      responses: { 201: json(Conversation, 'Created'), ...errors(400) },
    }),
    async (c) =>
      c.json(serialize(await createConversation({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One conversation with participants, goals, meeting and history',
      request: { params: IdParam },
      responses: { 200: json(Conversation, 'The conversation'), ...errors(400, 404) },
    }),
    async (c) => c.json(serialize(await getConversation({ ...c.var.ctx, id: c.req.valid('param').id })), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Edit a conversation',
      request: { params: IdParam, ...body(ConversationPatch) },
      responses: { 200: json(Conversation, 'Updated'), ...errors(400, 404, 409) },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      const conv = await updateConversation({ ...c.var.ctx, id: c.req.valid('param').id, version, input });
      return c.json(serialize(conv), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/move',
      tags,
      summary: 'Move a conversation to another status',
      request: { params: IdParam, ...body(MoveInput) },
      responses: { 200: json(Conversation, 'Moved'), ...errors(400, 404, 409, 422) },
    }),
    async (c) => {
      const { to, note, version } = c.req.valid('json');
      const conv = await moveConversation({ ...c.var.ctx, id: c.req.valid('param').id, to, note, version });
      return c.json(serialize(conv), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reply-answer',
      tags,
      summary: 'Say whether a reply read from the mailbox was a yes (Accepted) or a no (Declined)',
      request: {
        params: IdParam,
        ...body(
          z
            .object({
              answer: z
                .enum(['yes', 'no'])
                .openapi({ description: 'yes: they agreed to talk; no: they declined' }),
              version: z.number().int().positive().optional(),
            })
            .openapi('ReplyAnswer'),
        ),
      },
      responses: { 200: json(Conversation, 'Answered'), ...errors(400, 404, 409, 422) },
    }),
    async (c) => {
      const { answer, version } = c.req.valid('json');
      const conv = await answerReply({ ...c.var.ctx, id: c.req.valid('param').id, answer, version });
      return c.json(serialize(conv), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/meeting',
      tags,
      summary: 'Schedule or reschedule the meeting',
      request: { params: IdParam, ...body(MeetingInput) },
      responses: {
        200: json(z.object({ conversation: Conversation, warnings: z.array(z.string()) }), 'Scheduled'),
        ...errors(400, 404, 422),
      },
    }),
    async (c) => {
      const result = await scheduleMeeting({
        ...c.var.ctx,
        conversationId: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(serialize(result), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/follow-ups',
      tags,
      summary: 'When a request waiting for a reply calls for a second contact and the follow-up (3B7)',
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({
            today: z.string(),
            timeZone: z.string(),
            steps: z.array(
              z.object({
                kind: z.enum(['second_contact', 'follow_up']),
                dueDate: z.string().openapi({ description: 'Local date in the user zone' }),
                due: z.boolean(),
              }),
            ),
          }),
          'The open steps, by due date; none once the conversation is not waiting',
        ),
        ...errors(400, 404),
      },
    }),
    async (c) =>
      c.json(await conversationFollowUps({ ...c.var.ctx, conversationId: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/thank-you',
      tags,
      summary: 'A thank-you to one participant, drafted from what the debrief credits to them',
      request: { params: IdParam, query: z.object({ personId: Id }) },
      responses: {
        200: json(
          z.object({
            personId: z.string(),
            subject: z.string(),
            body: z.string(),
            /** What the user should still add (something they said, what they will do), or null. */
            hint: z.string().nullable(),
            dueAt: z.string().nullable(),
          }),
          'Draft',
        ),
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const draft = await thankYouDraft({
        ...c.var.ctx,
        conversationId: c.req.valid('param').id,
        personId: c.req.valid('query').personId,
      });
      return c.json(serialize(draft), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete a conversation with its meeting, goals and notes',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deleteConversation({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
