import { createRoute, z } from '@hono/zod-openapi';
import { organizationTimelineEntries } from '../../../services/conversations/timeline.js';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  type listOrganizations,
  listOrganizationsJson,
  updateOrganization,
} from '../../../services/organizations/organizations.js';
import { router } from '../../env.js';
import {
  cappedListOf,
  IdParam,
  Organization,
  OrganizationInput,
  OrganizationPatch,
  Paging,
  TimelineEntry,
} from '../../schemas.js';
import { jsonText, serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Organizations'];

export const organizationRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List organizations',
      request: { query: Paging.extend({ q: z.string().trim().max(200).optional() }) },
      responses: { 200: json(cappedListOf(Organization), 'Organizations by name'), ...errors(400) },
    }),
    async (c) => {
      const page = await listOrganizationsJson({ ...c.var.ctx, ...c.req.valid('query') });
      return jsonText<Awaited<ReturnType<typeof listOrganizations>>, 200>(
        c,
        `{"items":${page.itemsJson},"total":${page.total},"totalIsCapped":${page.totalIsCapped}}`,
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Add an organization',
      request: body(OrganizationInput),
      responses: { 201: json(Organization, 'Created'), ...errors(400, 409) },
    }),
    async (c) =>
      c.json(serialize(await createOrganization({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One organization',
      request: { params: IdParam },
      responses: { 200: json(Organization, 'The organization'), ...errors(400, 404) },
    }),
    async (c) => c.json(serialize(await getOrganization({ ...c.var.ctx, id: c.req.valid('param').id })), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Edit an organization',
      request: { params: IdParam, ...body(OrganizationPatch) },
      responses: { 200: json(Organization, 'Updated'), ...errors(400, 404, 409) },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      const org = await updateOrganization({ ...c.var.ctx, id: c.req.valid('param').id, version, input });
      return c.json(serialize(org), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete an organization (its people stay)',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deleteOrganization({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/timeline',
      tags,
      summary: "The organization's conversations and notes, newest first",
      request: { params: IdParam },
      responses: { 200: json(z.array(TimelineEntry), 'Timeline'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(
        serialize(await organizationTimelineEntries({ ...c.var.ctx, id: c.req.valid('param').id })),
        200,
      ),
  );
