import { createRoute, z } from '@hono/zod-openapi';
import { exportVCards } from '../../../services/exports/export-vcard.js';
import { router } from '../../env.js';
import { errors } from '../common.js';

const tags = ['Exports'];

/** GET /api/exports/vcard: people as one vCard 4.0 file, for Google, Apple or Outlook contacts. */
export const exportVCardRoutes = router().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    summary: 'People as a vCard 4.0 file (everyone, chosen ids, or a search of the People list)',
    request: {
      query: z.object({
        ids: z
          .string()
          .optional()
          .openapi({ description: 'Comma-separated ids of the people to export; all when absent.' }),
        q: z
          .string()
          .optional()
          .openapi({ description: 'Only the people the People list shows for this search.' }),
      }),
    },
    responses: {
      200: { content: { 'text/vcard': { schema: z.string() } }, description: 'A .vcf file' },
      ...errors(400),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const ids = query.ids
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const { text, fileName, count } = await exportVCards({
      ...c.var.ctx,
      ...(ids?.length ? { ids } : {}),
      ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    });
    return c.body(text, 200, {
      'content-type': 'text/vcard; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'x-people-count': String(count),
    });
  },
);
