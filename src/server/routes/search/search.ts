import { createRoute, z } from '@hono/zod-openapi';
import { SEARCH_TYPES, search } from '../../../services/search/search.js';
import { router } from '../../env.js';
import { errors, json } from '../common.js';

const Hit = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: z.string(),
    title: z.string().openapi({ description: 'What the hit is about: a name, a conversation, a subject.' }),
    snippet: z.string().openapi({ description: 'Highlighted words sit between U+0002 and U+0003.' }),
    rank: z.number(),
    personId: z.string().nullable(),
    organizationId: z.string().nullable(),
    conversationId: z.string().nullable(),
    part: z
      .enum(['summary', 'answer'])
      .nullable()
      .openapi({ description: 'For a debrief: its summary, or an answer to a planned question.' }),
  })
  .openapi('SearchHit');

export const searchRoutes = router().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Search'],
    summary:
      'Full-text search across people, organizations, conversations, notes, debriefs, tasks, insights, messages and questions',
    request: {
      query: z.object({
        q: z.string().max(200),
        types: z
          .string()
          .optional()
          .transform((s, ctx) => {
            if (!s) return undefined;
            const parts = s.split(',').map((p) => p.trim());
            const bad = parts.filter((p) => !(SEARCH_TYPES as readonly string[]).includes(p));
            if (bad.length) {
              ctx.addIssue({ code: 'custom', message: `unknown type ${bad.join(', ')}` });
              return z.NEVER;
            }
            return parts as (typeof SEARCH_TYPES)[number][];
          })
          .openapi({ type: 'string', description: 'Comma-separated types' }),
        limit: z.coerce.number().int().min(1).max(100).default(30),
      }),
    },
    responses: { 200: json(z.array(Hit), 'Hits, best first'), ...errors(400) },
  }),
  async (c) => c.json(await search({ ...c.var.ctx, ...c.req.valid('query') }), 200),
);
