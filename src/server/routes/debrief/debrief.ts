import { createRoute, z } from '@hono/zod-openapi';
import { INSIGHT_TOPICS } from '../../../domain/insights.js';
import { KEEP_IN_TOUCH } from '../../../domain/vocab.js';
import { saveDebrief } from '../../../services/debrief/debrief.js';
import { findReferralMatches } from '../../../services/debrief/debrief-referrals.js';
import { router } from '../../env.js';
import { Id, IdParam, PersonInput } from '../../schemas.js';
import { body, errors, json } from '../common.js';

/** After the meeting: the debrief, and who in your contacts a referral may name. Mounted under /preparation. */

const tags = ['Preparation'];

export const debriefRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/referral-matches',
      tags,
      summary: 'People already in your contacts who may be the person a debrief referral names',
      request: {
        query: z.object({
          fullName: z.string().trim().max(200).optional(),
          email: z.string().trim().max(320).optional(),
          linkedinUrl: z.string().trim().max(500).optional(),
          organizationName: z.string().trim().max(200).optional(),
        }),
      },
      responses: {
        200: json(
          z.array(
            z.object({
              id: z.string(),
              fullName: z.string(),
              title: z.string().nullable(),
              organizationName: z.string().nullable(),
              reason: z.enum(['email', 'linkedin', 'name']),
              label: z.string(),
              likely: z
                .boolean()
                .openapi({ description: 'A weaker match: offered, never linked on its own.' }),
            }),
          ),
          'Matches, strongest first',
        ),
        ...errors(400),
      },
    }),
    async (c) => c.json(await findReferralMatches({ ...c.var.ctx, ...c.req.valid('query') }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/debrief/{id}',
      tags,
      summary: 'Save a debrief: answers, insights, referrals, promises and keep-in-touch, all or nothing',
      request: {
        params: IdParam,
        ...body(
          z.object({
            summary: z.string().max(50_000).optional(),
            answers: z
              .array(z.object({ planItemId: Id, answer: z.string().max(20_000) }))
              .max(100)
              .optional(),
            insights: z
              .array(
                z.object({
                  topic: z.enum(INSIGHT_TOPICS),
                  body: z.string().trim().min(1, 'is empty').max(5000),
                  skills: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
                  role: z.string().trim().max(200).nullish(),
                  personId: Id.nullish().openapi({
                    description: 'Who said it; the first participant if left out.',
                  }),
                }),
              )
              .max(50)
              .optional(),
            referrals: z
              .array(
                z
                  .object({
                    fullName: z.string().trim().max(200).nullish(),
                    byPersonId: Id,
                    title: z.string().trim().max(200).nullish(),
                    organizationName: z.string().trim().max(200).nullish(),
                    email: z
                      .email('is not an e-mail address')
                      .nullish()
                      .or(z.literal('').transform(() => null)),
                    linkedinUrl: PersonInput.shape.linkedinUrl,
                    note: z.string().max(2000).nullish(),
                    suggestRequest: z.boolean().optional(),
                    personId: Id.nullish().openapi({
                      description: 'Someone already in your contacts: link them instead of adding a person.',
                    }),
                    createNew: z.boolean().optional().openapi({
                      description:
                        'Add a new person even when someone in your contacts has the same e-mail, profile URL or name at the organization.',
                    }),
                  })
                  .refine((r) => r.personId || r.fullName, {
                    path: ['fullName'],
                    message: 'is required',
                  }),
              )
              .max(20)
              .optional(),
            promises: z
              .array(
                z.object({
                  owner: z.enum(['mine', 'theirs']),
                  title: z.string().trim().min(1, 'is required').max(500),
                  dueOn: z.iso.date('must be a date like 2026-01-31').nullish(),
                  personId: Id.nullish(),
                }),
              )
              .max(30)
              .optional(),
            keepInTouch: z
              .array(
                z.object({
                  personId: Id,
                  permission: z.enum(KEEP_IN_TOUCH),
                  everyDays: z.number().int().min(1).max(3650).nullish(),
                  channel: z.string().trim().max(50).nullish(),
                }),
              )
              .max(20)
              .optional(),
          }),
        ),
      },
      responses: {
        200: json(
          z.object({
            referred: z.array(
              z.object({
                personId: z.string(),
                fullName: z.string(),
                conversationId: z.string().nullable(),
                matchedBy: z.enum(['email', 'linkedin', 'name', 'chosen']).nullable().openapi({
                  description: 'Why someone already in your contacts was linked; null for a new person.',
                }),
              }),
            ),
          }),
          'Saved',
        ),
        ...errors(400, 404),
      },
    }),
    async (c) =>
      c.json(
        await saveDebrief({
          ...c.var.ctx,
          conversationId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
