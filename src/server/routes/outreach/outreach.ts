import { createRoute, z } from '@hono/zod-openapi';
import { checkRequest } from '../../../domain/request-checker.js';
import { MERGE_FIELDS } from '../../../domain/templates.js';
import {
  createTemplate,
  deleteTemplate,
  draftFromTemplate,
  listTemplates,
  updateTemplate,
} from '../../../services/outreach/templates.js';
import { getSettings } from '../../../services/settings/settings.js';
import { router } from '../../env.js';
import { Id, IdParam } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const Finding = z.object({
  rule: z.string(),
  severity: z.enum(['info', 'warning', 'strong']),
  message: z.string(),
  excerpt: z
    .string()
    .optional()
    .openapi({ description: 'The first part of the draft the finding is about.' }),
  excerpts: z
    .array(z.string())
    .optional()
    .openapi({ description: 'Every part of the draft the finding is about, each once.' }),
});
const CheckResult = z.object({ wordCount: z.number(), findings: z.array(Finding) }).openapi('RequestCheck');

const Template = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    subject: z.string(),
    body: z.string(),
    builtIn: z.boolean(),
    version: z.number(),
  })
  .openapi('Template');
const TemplateInput = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  kind: z.string().trim().min(1).max(50),
  subject: z.string().max(300).optional(),
  body: z.string().trim().min(1, 'is empty').max(20_000),
});

export const outreachRoutes = router()
  .openapi(
    createRoute({
      method: 'post',
      path: '/check',
      tags: ['Outreach'],
      summary: 'Check a draft request against the rules of a good request (advice, not blocks)',
      request: body(
        z.object({
          text: z.string().max(20_000),
          connectionHints: z.array(z.string().max(200)).max(10).optional(),
          /** Their organization, team or topic: what draws the user to this reader. */
          narrowHints: z.array(z.string().max(500)).max(10).optional(),
          /** The wider field the user is exploring. */
          broadHints: z.array(z.string().max(500)).max(10).optional(),
        }),
      ),
      responses: { 200: json(CheckResult, 'Findings'), ...errors(400) },
    }),
    async (c) => {
      const { text, connectionHints, narrowHints, broadHints } = c.req.valid('json');
      const s = await getSettings(c.var.ctx);
      return c.json(
        checkRequest(text, {
          warnAbove: s.requestWarnWords,
          strongAbove: s.requestStrongWords,
          connectionHints,
          narrowHints,
          broadHints,
        }),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/templates',
      tags: ['Outreach'],
      summary: 'Message templates (built-in and yours)',
      responses: { 200: json(z.array(Template), 'Templates') },
    }),
    async (c) => c.json(serialize(await listTemplates(c.var.ctx)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/templates',
      tags: ['Outreach'],
      summary: 'Add a template',
      request: body(TemplateInput),
      responses: { 201: json(Template, 'Created'), ...errors(400) },
    }),
    async (c) => c.json(serialize(await createTemplate({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/templates/{id}',
      tags: ['Outreach'],
      summary: 'Edit a template',
      request: {
        params: IdParam,
        ...body(TemplateInput.partial().extend({ version: z.number().int().positive().optional() })),
      },
      responses: { 200: json(Template, 'Updated'), ...errors(400, 404, 409) },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      return c.json(
        serialize(await updateTemplate({ ...c.var.ctx, id: c.req.valid('param').id, version, input })),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/templates/{id}',
      tags: ['Outreach'],
      summary: 'Delete a template',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deleteTemplate({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/draft',
      tags: ['Outreach'],
      summary: "A draft from a template, filled with the person's details and checked",
      request: body(
        z.object({
          templateId: Id,
          personId: Id.optional(),
          fields: z.partialRecord(z.enum(MERGE_FIELDS), z.string().max(500)).optional(),
        }),
      ),
      responses: {
        200: json(
          CheckResult.extend({
            templateId: z.string(),
            subject: z.string(),
            body: z.string(),
            missing: z.array(z.string()),
          }),
          'Draft',
        ),
        ...errors(400, 404),
      },
    }),
    async (c) => c.json(await draftFromTemplate({ ...c.var.ctx, ...c.req.valid('json') }), 200),
  );
