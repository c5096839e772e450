import { createRoute, z } from '@hono/zod-openapi';
import { KEEP_IN_TOUCH } from '../../../domain/vocab.js';
import { personTimeline } from '../../../services/conversations/timeline.js';
import {
  createPerson,
  deletePerson,
  getPersonJson,
  type listPeople,
  listPeopleJson,
  type Person as PersonRecord,
  updatePerson,
} from '../../../services/people/people.js';
import { bulkUpdatePeople, MAX_BULK_PEOPLE } from '../../../services/people/people-bulk.js';
import { router } from '../../env.js';
import {
  cappedListOf,
  Id,
  IdParam,
  PeopleQuery,
  Person,
  PersonInput,
  PersonPatch,
  TimelineEntry,
} from '../../schemas.js';
import { jsonText, serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['People'];

const TagName = z.string().trim().min(1, 'is required').max(50);
const BulkInput = z.object({
  ids: z.array(Id).min(1, 'choose at least one person').max(MAX_BULK_PEOPLE),
  change: z.discriminatedUnion('action', [
    z.object({ action: z.literal('addTag'), tag: TagName }),
    z.object({ action: z.literal('removeTag'), tag: TagName }),
    z.object({
      action: z.literal('keepInTouch'),
      keepInTouch: z.enum(KEEP_IN_TOUCH),
      everyDays: z.number().int().min(7).max(730).nullish(),
    }),
    z.object({ action: z.literal('delete') }),
  ]),
});

export const peopleRoutes = router()
  .openapi(
    createRoute({
      method: 'post',
      path: '/bulk',
      tags,
      summary: 'Tag, untag, set keep-in-touch for, or delete many people at once (all or nothing)',
      request: body(BulkInput),
      responses: {
        200: json(z.object({ affected: z.number() }), 'How many people changed'),
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { ids, change } = c.req.valid('json');
      return c.json(await bulkUpdatePeople({ ...c.var.ctx, ids, change }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'List people',
      request: { query: PeopleQuery },
      responses: { 200: json(cappedListOf(Person), 'People by name'), ...errors(400) },
    }),
    async (c) => {
      const page = await listPeopleJson({ ...c.var.ctx, ...c.req.valid('query') });
      return jsonText<Awaited<ReturnType<typeof listPeople>>, 200>(
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
      summary: 'Add a person',
      request: body(PersonInput),
      responses: { 201: json(Person, 'Created'), ...errors(400) },
    }),
    async (c) => c.json(serialize(await createPerson({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One person',
      request: { params: IdParam },
      responses: { 200: json(Person, 'The person'), ...errors(400, 404) },
    }),
    async (c) =>
      jsonText<PersonRecord, 200>(c, await getPersonJson({ ...c.var.ctx, id: c.req.valid('param').id }), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Edit a person',
      request: { params: IdParam, ...body(PersonPatch) },
      responses: { 200: json(Person, 'Updated'), ...errors(400, 404, 409) },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      const person = await updatePerson({ ...c.var.ctx, id: c.req.valid('param').id, version, input });
      return c.json(serialize(person), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Delete a person with their notes and messages',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 404) },
    }),
    async (c) => {
      await deletePerson({ ...c.var.ctx, id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/timeline',
      tags,
      summary: "The person's conversations, notes and introductions, newest first",
      request: { params: IdParam },
      responses: { 200: json(z.array(TimelineEntry), 'Timeline'), ...errors(400, 404) },
    }),
    async (c) => c.json(serialize(await personTimeline({ ...c.var.ctx, id: c.req.valid('param').id })), 200),
  );
