import { createRoute, z } from '@hono/zod-openapi';
import { CHANNELS, DIRECTIONS, OPPORTUNITY_KINDS, TASK_KINDS } from '../../domain/vocab.js';
import { CSV_LISTS, exportCsv } from '../../services/exports-csv.js';
import { router } from '../env.js';
import { ConversationsQuery, Id } from '../schemas.js';
import { errors } from './common.js';

const tags = ['Exports'];

/** The filters of every list page; each list uses the ones it has and ignores the rest. */
const CsvQuery = z.object({
  q: z.string().trim().max(200).optional(),
  organizationId: Id.optional(),
  tag: z.string().trim().max(50).optional(),
  status: ConversationsQuery.shape.status,
  personId: Id.optional(),
  conversationId: Id.optional(),
  kind: z.enum(OPPORTUNITY_KINDS).optional().openapi({ description: 'Opportunities: one kind' }),
  includeDone: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  taskState: z.enum(['open', 'done', 'all']).optional().openapi({ description: 'Tasks: open, done or all' }),
  taskKind: z.enum(TASK_KINDS).optional().openapi({ description: 'Tasks: one kind' }),
  direction: z.enum(DIRECTIONS).optional().openapi({ description: 'Messages: sent (out) or received (in)' }),
  channel: z.enum(CHANNELS).optional().openapi({ description: 'Messages: one channel' }),
});

export const exportRoutes = router().openapi(
  createRoute({
    method: 'get',
    path: '/csv/{list}',
    tags,
    summary: 'Download a list as CSV (UTF-8 with BOM), with the same filters as its page',
    request: {
      params: z.object({ list: z.enum(CSV_LISTS).openapi({ description: 'Which list' }) }),
      query: CsvQuery,
    },
    responses: {
      200: { description: 'The CSV file', content: { 'text/csv': { schema: z.string() } } },
      ...errors(400),
    },
  }),
  async (c) => {
    const { list } = c.req.valid('param');
    const { fileName, csv } = await exportCsv({ ...c.var.ctx, list, filter: c.req.valid('query') });
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    });
  },
);
