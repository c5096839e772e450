import { createRoute, z } from '@hono/zod-openapi';
import { workspaceSummary } from '../../../services/agenda/summary.js';
import { compactDatabase } from '../../../services/backup/maintenance.js';
import { loadSampleWorkspace } from '../../../services/settings/sample.js';
import { router } from '../../env.js';
import { errors, json } from '../common.js';

const tags = ['Workspace'];

const Summary = z
  .object({
    name: z.string(),
    counts: z
      .object({ people: z.number(), organizations: z.number(), conversations: z.number() })
      .openapi({ description: 'How many of each, exact up to 10,000 (see countsAreCapped)' }),
    countsAreCapped: z
      .object({ people: z.boolean(), organizations: z.boolean(), conversations: z.boolean() })
      .openapi({ description: 'True where the workspace holds more than the count says (over 10,000)' }),
  })
  .openapi('WorkspaceSummary');

export const workspaceRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'The workspace and how many records it holds',
      responses: { 200: json(Summary, 'Summary') },
    }),
    async (c) => c.json(await workspaceSummary(c.var.ctx), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sample',
      tags,
      summary: 'Load the sample workspace (only into an empty workspace)',
      responses: {
        201: json(z.object({ people: z.number(), conversations: z.number() }), 'Loaded'),
        ...errors(409),
      },
    }),
    async (c) => c.json(await loadSampleWorkspace(c.var.ctx), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/compact',
      tags,
      summary: 'Give disk space back after large deletions (embedded database only)',
      responses: {
        200: json(
          z.object({ tables: z.array(z.string()), bytesBefore: z.number(), bytesAfter: z.number() }),
          'What was rewritten, and the database size before and after',
        ),
        ...errors(400),
      },
    }),
    async (c) => c.json(await compactDatabase(c.var.ctx), 200),
  );
