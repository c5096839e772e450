import { createRoute, z } from '@hono/zod-openapi';
import { MEETING_OUTCOMES } from '../../../domain/meeting-reminders.js';
import {
  AGENDA_GROUP_CAP,
  AGENDA_GROUPS,
  AGENDA_KINDS,
  type AgendaGroup,
  todayAgenda,
} from '../../../services/agenda/agenda.js';
import { answerReminder } from '../../../services/agenda/reminders.js';
import { router } from '../../env.js';
import { serialize } from '../../serialize.js';
import { body, errors, json } from '../common.js';

const tags = ['Today'];

const AgendaItem = z
  .object({
    key: z.string(),
    kind: z.enum(AGENDA_KINDS),
    title: z.string(),
    detail: z.string(),
    dueDate: z.string(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    personId: z.string().nullable(),
    conversationId: z.string().nullable(),
    taskId: z.string().nullable(),
    organizationId: z.string().nullable().openapi({
      description: 'For a second contact: the organization of the conversation, where to find someone else.',
    }),
    answers: z.array(z.enum(MEETING_OUTCOMES)).openapi({
      description:
        'For "Did your meeting happen?" (kind meeting_outcome): the possible answers, each given through the conversation: ' +
        'held → POST /api/conversations/{conversationId}/move {"to":"held"} (the thank-you items follow); ' +
        'moved → PUT /api/conversations/{conversationId}/meeting with the new time; ' +
        'cancelled → POST /api/conversations/{conversationId}/move {"to":"cancelled"}. Empty for other kinds.',
    }),
    people: z.array(z.object({ id: z.string(), fullName: z.string() })).openapi({
      description: "The people the item is about: a meeting's participants, or whom to reconnect with.",
    }),
  })
  .openapi('AgendaItem');

const Answer = z
  .object({
    key: z.string().min(3).max(300),
    action: z.enum(['done', 'snooze', 'dismiss', 'reopen']),
    until: z.iso
      .datetime({ offset: true, error: 'must be a date and time like 2026-12-01T09:00:00Z' })
      .transform((s) => new Date(s))
      .optional(),
  })
  .openapi('AgendaAnswer');

const AgendaQuery = z.object({
  full: z
    .string()
    .max(300)
    .optional()
    .transform((s, c): AgendaGroup[] => {
      const names = (s ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      if (names.includes('all')) return [...AGENDA_GROUPS];
      for (const n of names) {
        if (!(AGENDA_GROUPS as readonly string[]).includes(n)) {
          c.addIssue({ code: 'custom', message: `"${n}" is not a group of Today` });
          return z.NEVER;
        }
      }
      return names as AgendaGroup[];
    })
    .openapi({
      param: { name: 'full', in: 'query' },
      example: 'follow_up,upcoming',
      description: `Groups to give in full, comma-separated: an item kind (${AGENDA_KINDS.join(', ')}), upcoming, or all. Every other group holds its first ${AGENDA_GROUP_CAP} items; \`totals\` says how many it has.`,
    }),
});

export const agendaRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Everything due or overdue today, across all rules, and what falls due in the week after',
      description: `Each group (the due items of one kind, and upcoming) holds its first ${AGENDA_GROUP_CAP} items, in the order they are worked through (most overdue first; upcoming by day); \`totals\` gives each group's full count, and \`full\` asks for whole groups.`,
      request: { query: AgendaQuery },
      responses: {
        200: json(
          z.object({
            today: z.string(),
            timeZone: z.string(),
            items: z.array(AgendaItem),
            upcoming: z.array(AgendaItem).openapi({
              description:
                'Items not due yet that fall due in the next 7 days (by dueDate, in the user zone): follow-ups, second contacts, meetings after tomorrow and their confirmations, tasks, keep-in-touch.',
            }),
            totals: z.partialRecord(z.enum(AGENDA_GROUPS), z.number().int()).openapi({
              description:
                'How many items each group holds in all (groups without items are left out): more than the answer carries when a group was cut.',
            }),
            overdue: z.number().int().openapi({ description: 'How many due items are overdue, in all.' }),
          }),
          'Agenda',
        ),
        ...errors(400),
      },
    }),
    async (c) =>
      c.json(
        serialize(await todayAgenda(c.var.ctx, { cap: AGENDA_GROUP_CAP, full: c.req.valid('query').full })),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/answer',
      tags,
      summary: 'Mark an item done, snooze it (default one day) or dismiss it',
      description:
        'A meeting_outcome item cannot be marked done or dismissed: answer it with one of its answers instead.',
      request: body(Answer),
      responses: { 204: { description: 'Remembered' }, ...errors(400, 422) },
    }),
    async (c) => {
      await answerReminder({ ...c.var.ctx, ...c.req.valid('json') });
      return c.body(null, 204);
    },
  );
