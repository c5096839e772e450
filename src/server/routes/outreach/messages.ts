import { createRoute, z } from '@hono/zod-openapi';
import { CONVERSATION_STATUSES } from '../../../domain/vocab.js';
import {
  countMessages,
  deleteMessage,
  listMessages,
  logMessage,
} from '../../../services/outreach/messages.js';
import { router } from '../../env.js';
import { IdParam, Message, MessageInput, MessageListItem, MessagesQuery } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Messages'];

export const messageRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'The message log, newest first, with the names of each person and conversation',
      request: { query: MessagesQuery },
      responses: {
        200: {
          ...json(z.array(MessageListItem), 'One page of the log'),
          headers: {
            'X-Total-Count': { description: 'How many messages match', schema: { type: 'integer' } },
          },
        },
        ...errors(400),
      },
    }),
    async (c) => {
      const filter = { ...c.var.ctx, ...c.req.valid('query') };
      const [items, total] = await Promise.all([listMessages(filter), countMessages(filter)]);
      return c.json(serialize(items), 200, { 'X-Total-Count': String(total) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Log a message sent or received (may move the conversation forward)',
      request: body(MessageInput),
      responses: {
        201: json(
          z.object({ message: Message, statusChangedTo: z.enum(CONVERSATION_STATUSES).nullable() }),
          'Logged',
        ),
        ...errors(400, 404),
      },
    }),
    async (c) => c.json(serialize(await logMessage({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete a mistaken log entry',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deleteMessage({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
