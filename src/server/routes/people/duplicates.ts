/**
 * Possible duplicates, merging and undoing merges. Mounted at /duplicates and /merges rather than
 * under /people, whose /people/{id} routes would swallow these paths.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { MERGE_FIELDS } from '../../../domain/merge-fields.js';
import { comparePeople, dismissPair, listDuplicates } from '../../../services/people/duplicates.js';
import { listMerges, mergePeople, undoMerge } from '../../../services/people/merge-people.js';
import { router } from '../../env.js';
import { Id, IdParam, Paging, Person } from '../../schemas.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Duplicates'];

const Reason = z.object({
  kind: z.enum(['linkedin', 'email', 'name']),
  match: z.enum(['same', 'accents', 'initial', 'short_form', 'typo']).optional(),
  explanation: z.string().optional(),
});

const PersonBrief = z.object({
  id: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  organizationName: z.string().nullable(),
  email: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  version: z.number(),
});

const DuplicatePair = z
  .object({
    a: PersonBrief,
    b: PersonBrief,
    reasons: z.array(Reason),
    labels: z.array(z.string()).openapi({ description: 'The reasons in words, e.g. "Same e-mail".' }),
  })
  .openapi('DuplicatePair');

const Counts = z.object({
  conversations: z.number(),
  messages: z.number(),
  notes: z.number(),
  introductions: z.number(),
  tasks: z.number(),
});

const Field = z.enum(MERGE_FIELDS);
const Choice = z.enum(['kept', 'merged']);

const Comparison = z
  .object({
    kept: Person,
    other: Person,
    fields: z.array(
      z.object({
        field: Field,
        label: z.string(),
        kept: z.unknown(),
        other: z.unknown(),
        keptText: z.string().nullable(),
        otherText: z.string().nullable(),
        differs: z.boolean(),
        defaultChoice: Choice,
      }),
    ),
    counts: z.object({ kept: Counts, other: Counts }),
    reasons: z.array(z.string()),
  })
  .openapi('DuplicateComparison');

const CompareQuery = z.object({
  keptId: Id.openapi({ description: 'The person to keep' }),
  otherId: Id.openapi({ description: 'The person who would be merged into them' }),
});

const PairInput = z.object({ aId: Id, bId: Id }).openapi('NotTheSamePerson');

const MergeInput = z
  .object({
    keptId: Id,
    mergedId: Id,
    keptVersion: z.number().int().positive().optional(),
    mergedVersion: z.number().int().positive().optional(),
    choices: z.partialRecord(Field, Choice).optional().openapi({
      description:
        'Whose value each field keeps; a field left out keeps the kept person’s value, or the other’s when empty.',
    }),
  })
  .openapi('MergeInput');

const MergeResult = z
  .object({
    mergeId: z.string(),
    keptId: z.string(),
    keptName: z.string(),
    mergedName: z.string(),
    moved: z.record(z.string(), z.number()),
    dropped: z.record(z.string(), z.number()),
  })
  .openapi('MergeResult');

const MergeRecord = z
  .object({
    id: z.string(),
    keptId: z.string(),
    mergedId: z.string(),
    keptName: z.string(),
    mergedName: z.string(),
    at: z.string(),
    undoneAt: z.string().nullable(),
  })
  .openapi('MergeRecord');

export const duplicateRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Likely duplicate people, with the reasons each pair was proposed',
      request: { query: Paging },
      responses: {
        200: json(z.object({ items: z.array(DuplicatePair), total: z.number() }), 'Pairs, strongest first'),
        ...errors(400),
      },
    }),
    async (c) => c.json(serialize(await listDuplicates({ ...c.var.ctx, ...c.req.valid('query') })), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/compare',
      tags,
      summary: 'Two people side by side: each field, the default choice, and how much history each has',
      request: { query: CompareQuery },
      responses: { 200: json(Comparison, 'The comparison'), ...errors(400, 404) },
    }),
    async (c) => c.json(serialize(await comparePeople({ ...c.var.ctx, ...c.req.valid('query') })), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/dismiss',
      tags,
      summary: 'Mark two people as not the same person, so the pair is not proposed again',
      request: body(PairInput),
      responses: { 204: { description: 'Remembered' }, ...errors(400, 404) },
    }),
    async (c) => {
      await dismissPair({ ...c.var.ctx, ...c.req.valid('json') });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/merge',
      tags,
      summary: 'Merge one person into another, in one transaction; it can be undone',
      request: body(MergeInput),
      responses: { 201: json(MergeResult, 'Merged'), ...errors(400, 404, 409) },
    }),
    async (c) => c.json(serialize(await mergePeople({ ...c.var.ctx, input: c.req.valid('json') })), 201),
  );

export const mergeRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Recent merges, newest first (optionally only those that kept one person)',
      request: {
        query: z.object({
          personId: Id.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(MergeRecord) }), 'Merges'), ...errors(400) },
    }),
    async (c) =>
      c.json(serialize({ items: await listMerges({ ...c.var.ctx, ...c.req.valid('query') }) }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/undo',
      tags,
      summary: 'Undo a merge: both people and everything that moved come back as they were',
      request: { params: IdParam },
      responses: {
        200: json(z.object({ keptId: z.string(), mergedId: z.string() }), 'Undone'),
        ...errors(400, 404, 409),
      },
    }),
    async (c) => c.json(await undoMerge({ ...c.var.ctx, mergeId: c.req.valid('param').id }), 200),
  );
