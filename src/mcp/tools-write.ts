import { z } from 'zod';
import { INSIGHT_TOPICS } from '../domain/insights.js';
import {
  CHANNELS,
  CONVERSATION_TYPES,
  DIRECTIONS,
  KEEP_IN_TOUCH,
  MEDIUMS,
  MESSAGE_PURPOSES,
  OPPORTUNITY_KINDS,
} from '../domain/vocab.js';
import { seg } from './api.js';
import { ADDS, defineTool, REPLACES } from './tool.js';
import { id } from './tools-read.js';

const dateTime = (what: string) =>
  z.iso.datetime({ offset: true }).describe(`${what}, with its offset, like 2026-12-01T14:30:00+01:00.`);
const date = (what: string) => z.iso.date().describe(`${what}, like 2026-12-01.`);

/** Tools that change the workspace, through the same routes and rules as the web app. */
export const writeTools = [
  defineTool({
    name: 'log_message',
    title: 'Log a message',
    description:
      'Records a message you sent or received (a request, a follow-up, a reply, a thank-you…) on a person and, if given, a conversation. This is what the follow-up rules count from: a reply moves the conversation on; a request starts the 3 and 7 business-day clocks. Rapport does not send anything.',
    input: z.strictObject({
      personId: id('person'),
      conversationId: id('conversation').optional(),
      channel: z.enum(CHANNELS),
      direction: z.enum(DIRECTIONS).describe('"out" for a message you sent, "in" for one you received.'),
      purpose: z.enum(MESSAGE_PURPOSES),
      at: dateTime('When it was sent or received; now when left out').optional(),
      subject: z.string().max(300).optional(),
      body: z.string().max(50_000).optional(),
      templateId: id('template it was written from').optional(),
    }),
    annotations: ADDS,
    run: (api, a) => api.call('POST', '/api/messages', a),
  }),
  defineTool({
    name: 'schedule_meeting',
    title: 'Schedule a meeting',
    description:
      "Sets or moves the meeting of a conversation and moves the conversation to scheduled. Ask for 20-30 minutes (30 by default; more than 45 draws a warning). The start must be in the future unless alreadyHappened records a meeting that took place. Replaces the conversation's current meeting time if it had one.",
    input: z.strictObject({
      conversationId: id('conversation'),
      startsAt: dateTime('When it starts'),
      timeZone: z.string().min(1).max(100).describe('The time zone of the meeting, like Europe/Paris.'),
      durationMinutes: z
        .number()
        .int()
        .min(5)
        .max(480)
        .optional()
        .describe('Length in minutes (default 30).'),
      medium: z.enum(MEDIUMS),
      place: z.string().max(500).optional().describe('Address, call link or phone number.'),
      alreadyHappened: z.boolean().optional().describe('True to record a meeting that already took place.'),
    }),
    annotations: { ...REPLACES, idempotentHint: true },
    run: (api, { conversationId, ...meeting }) =>
      api.call('PUT', `/api/conversations/${seg(conversationId)}/meeting`, meeting),
  }),
  defineTool({
    name: 'propose_question_plan',
    title: 'Propose a question plan',
    description:
      "Proposes a meeting agenda from the question bank for the conversation's goals: small talk and rapport, questions that fit the time, next steps (who else to talk to, what to do next, may I keep in touch). It replaces the conversation's current plan; read it with get_question_plan.",
    input: z.strictObject({
      conversationId: id('conversation'),
      goals: z
        .array(z.enum(CONVERSATION_TYPES))
        .max(7)
        .optional()
        .describe("The goals to choose questions for; the conversation's type when left out."),
      mySkills: z
        .array(z.string().min(1).max(100))
        .max(10)
        .optional()
        .describe('Skills you bring, for questions about how they fit (with a possible hiring manager).'),
    }),
    annotations: REPLACES,
    run: (api, { conversationId, ...input }) =>
      api.call('POST', `/api/preparation/plans/${seg(conversationId)}/propose`, input),
  }),
  defineTool({
    name: 'record_debrief',
    title: 'Record a debrief',
    description:
      'Saves what came out of a meeting, all or nothing: a summary, insights by topic, referrals (people they suggested you talk to, added to your contacts as introduced by them), promises (yours and theirs, which become tasks) and keep-in-touch permissions. A referral needs byPersonId (who suggested it) and a fullName or the personId of someone already in your contacts.',
    input: z.strictObject({
      conversationId: id('conversation'),
      summary: z.string().max(50_000).optional().describe('What you learned and how it fits you.'),
      insights: z
        .array(
          z.strictObject({
            topic: z.enum(INSIGHT_TOPICS),
            body: z.string().min(1).max(5000),
            skills: z.array(z.string().min(1).max(100)).max(30).optional(),
            role: z.string().max(200).optional(),
            personId: id('person who said it (the first participant when left out)').optional(),
          }),
        )
        .max(50)
        .optional(),
      referrals: z
        .array(
          z.strictObject({
            byPersonId: id('person who made the referral'),
            fullName: z.string().max(200).optional(),
            personId: id('person, when they are already in your contacts').optional(),
            title: z.string().max(200).optional(),
            organizationName: z.string().max(200).optional(),
            email: z.string().max(320).optional(),
            note: z.string().max(2000).optional(),
          }),
        )
        .max(20)
        .optional(),
      promises: z
        .array(
          z.strictObject({
            owner: z
              .enum(['mine', 'theirs'])
              .describe('"mine" for what you promised, "theirs" for what they did.'),
            title: z.string().min(1).max(500),
            dueOn: date('When it is due').optional(),
            personId: id('person it is with').optional(),
          }),
        )
        .max(30)
        .optional(),
      keepInTouch: z
        .array(
          z.strictObject({
            personId: id('person'),
            permission: z.enum(KEEP_IN_TOUCH),
            everyDays: z.number().int().min(1).max(3650).optional(),
            channel: z.string().max(50).optional(),
          }),
        )
        .max(20)
        .optional(),
    }),
    annotations: ADDS,
    run: (api, { conversationId, ...input }) =>
      api.call('POST', `/api/preparation/debrief/${seg(conversationId)}`, input),
  }),
  defineTool({
    name: 'add_opportunity',
    title: 'Add an opportunity',
    description:
      'Records what your networking produced (a referral, an unadvertised opening, an interview, an offer…) with its sources: the conversations and people it came from, so the results dashboard can credit them.',
    input: z.strictObject({
      kind: z.enum(OPPORTUNITY_KINDS),
      title: z.string().min(1).max(300),
      organizationId: id('organization').optional(),
      occurredOn: date('When it happened'),
      notes: z.string().max(20_000).optional(),
      sources: z
        .array(
          z.strictObject({
            conversationId: id('conversation it came from').optional(),
            personId: id('person it came from').optional(),
          }),
        )
        .max(20)
        .describe('Where it came from; each source names a conversation, a person or both.'),
    }),
    annotations: ADDS,
    run: (api, a) => api.call('POST', '/api/opportunities', a),
  }),
];
