import { createRoute, z } from '@hono/zod-openapi';
import { CHANNELS, DIRECTIONS, OPPORTUNITY_KINDS, TASK_KINDS } from '../../../domain/vocab.js';
import { CSV_LISTS, exportCsv } from '../../../services/exports/exports-csv.js';
import { router } from '../../env.js';
import { describeForLog } from '../../errors.js';
import { ConversationsQuery, Id } from '../../schemas.js';
import { errors } from '../common.js';

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
    const { fileName, pieces } = await exportCsv({ ...c.var.ctx, list, filter: c.req.valid('query') });
    return c.body(await byteStream(pieces), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    });
  },
);

/**
 * The file as a byte stream that reads the next piece only when the client has taken the one
 * before, so a slow download holds one page in memory, not the whole list. The head and the
 * first page are read before answering: a failure there is still an error answer with its
 * status. A failure after that can only cut the download short, which the client sees as an
 * incomplete transfer, never as a complete-looking file.
 */
async function byteStream(pieces: AsyncIterable<string>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const it = pieces[Symbol.asyncIterator]();
  const first: string[] = [];
  for (let i = 0; i < 2; i++) {
    const next = await it.next();
    if (next.done) break;
    first.push(next.value);
  }
  let ended = first.length < 2;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(first.join('')));
      if (ended) controller.close();
    },
    async pull(controller) {
      if (ended) return;
      try {
        const next = await it.next();
        if (next.done) {
          ended = true;
          controller.close();
        } else {
          controller.enqueue(encoder.encode(next.value));
        }
      } catch (err) {
        ended = true;
        console.error(describeForLog(err));
        controller.error(err);
      }
    },
    async cancel() {
      ended = true;
      await it.return?.();
    },
  });
}
