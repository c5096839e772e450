import { z } from 'zod';
import { MERGE_FIELDS } from '../domain/templates.js';
import { CONVERSATION_STATUSES } from '../domain/vocab.js';
import { AGENDA_GROUPS } from '../services/agenda/agenda-item.js';
import { SEARCH_TYPES } from '../services/search/search.js';
import { query, seg } from './api.js';
import { defineTool, READS } from './tool.js';

export const id = (what: string) =>
  z.uuid().describe(`The id of the ${what} (a UUID; search or another tool gives it).`);

/** The highlight marks around matched words (U+0002, U+0003): an assistant reads plain text. */
const SNIPPET_MARKS = new RegExp(`[${String.fromCharCode(2)}${String.fromCharCode(3)}]`, 'g');

/** Tools that only read the workspace. */
export const readTools = [
  defineTool({
    name: 'get_agenda',
    title: "Today's agenda",
    description:
      "What is due or overdue today across all of Rapport's rules (follow-ups after 3 and 7 business days, meetings and their confirmations, thank-yous within 24 hours, promises, keep-in-touch), and what falls due in the week after. Start here to know what to do next. A long group holds its first 50 items, most overdue first; `totals` gives each group's full count, and `full` asks for whole groups.",
    input: z.strictObject({
      full: z
        .array(z.enum([...AGENDA_GROUPS, 'all']))
        .max(AGENDA_GROUPS.length)
        .optional()
        .describe('Groups to give whole: an item kind such as follow_up, or upcoming, or all.'),
    }),
    annotations: READS,
    run: (api, a) => api.call('GET', `/api/agenda${query({ full: a.full?.join(',') })}`),
  }),
  defineTool({
    name: 'search',
    title: 'Search the workspace',
    description:
      'Full-text search across people, organizations, conversations, tasks, debriefs, notes, insights, messages and questions, best match first. Use it to find the id of a person, organization or conversation by name or by anything written about them.',
    input: z.strictObject({
      query: z.string().min(1).max(200).describe('Words to look for, e.g. a name, an employer or a topic.'),
      types: z
        .array(z.enum(SEARCH_TYPES))
        .max(SEARCH_TYPES.length)
        .optional()
        .describe('Only these kinds of records; all kinds when left out.'),
      limit: z.number().int().min(1).max(100).optional().describe('How many hits at most (default 30).'),
    }),
    annotations: READS,
    run: async (api, a) => {
      const hits = await api.call<{ snippet: string }[]>(
        'GET',
        `/api/search${query({ q: a.query, types: a.types?.join(','), limit: a.limit })}`,
      );
      return hits.map((h) => ({ ...h, snippet: h.snippet.replace(SNIPPET_MARKS, '') }));
    },
  }),
  defineTool({
    name: 'get_person',
    title: 'A person and their timeline',
    description:
      'One person: their details (organization, title, how you know them, who introduced them, keep-in-touch) and their timeline of conversations, messages, notes and meetings, newest first.',
    input: z.strictObject({ personId: id('person') }),
    annotations: READS,
    run: async (api, a) => {
      const [person, timeline] = await Promise.all([
        api.call('GET', `/api/people/${seg(a.personId)}`),
        api.call('GET', `/api/people/${seg(a.personId)}/timeline`),
      ]);
      return { person, timeline };
    },
  }),
  defineTool({
    name: 'get_organization',
    title: 'An organization and its timeline',
    description:
      'One organization (employer): its details and the timeline of everything that happened with its people, newest first.',
    input: z.strictObject({ organizationId: id('organization') }),
    annotations: READS,
    run: async (api, a) => {
      const [organization, timeline] = await Promise.all([
        api.call('GET', `/api/organizations/${seg(a.organizationId)}`),
        api.call('GET', `/api/organizations/${seg(a.organizationId)}/timeline`),
      ]);
      return { organization, timeline };
    },
  }),
  defineTool({
    name: 'get_conversation',
    title: 'A conversation and its timeline',
    description:
      'One informational-interview conversation: who it is with, its goals, status history and the next allowed statuses, its meeting, and its messages and notes.',
    input: z.strictObject({ conversationId: id('conversation') }),
    annotations: READS,
    run: async (api, a) => {
      const q = query({ conversationId: a.conversationId });
      const [conversation, messages, notes] = await Promise.all([
        api.call('GET', `/api/conversations/${seg(a.conversationId)}`),
        api.call('GET', `/api/messages${q}`),
        api.call('GET', `/api/notes${q}`),
      ]);
      return { conversation, messages, notes };
    },
  }),
  defineTool({
    name: 'list_conversations',
    title: 'Conversations',
    description:
      'Your conversations, most recently active first, with their status and the people in them. Filter by status or organization.',
    input: z.strictObject({
      status: z.enum(CONVERSATION_STATUSES).optional().describe('Only conversations in this status.'),
      organizationId: id('organization').optional(),
      limit: z.number().int().min(1).max(100).optional().describe('How many at most (default 50).'),
    }),
    annotations: READS,
    run: (api, a) =>
      api.call(
        'GET',
        `/api/conversations${query({ status: a.status, organizationId: a.organizationId, limit: a.limit ?? 50 })}`,
      ),
  }),
  defineTool({
    name: 'get_targets',
    title: 'Target list',
    description:
      'The ranked target list of employers (LAMP: Advocacy, Motivation 0-3, Posting 1-3), with how many contacts and advocates you have at each. The top ones (5 by default) are the ones to work now.',
    input: z.strictObject({}),
    annotations: READS,
    run: (api) => api.call('GET', '/api/outreach/targets'),
  }),
  defineTool({
    name: 'list_templates',
    title: 'Message templates',
    description:
      'The message templates (built-in and your own) with their ids, kinds and text with {{merge fields}}. draft_request needs a template id from here.',
    input: z.strictObject({}),
    annotations: READS,
    run: (api) => api.call('GET', '/api/outreach/templates'),
  }),
  defineTool({
    name: 'draft_request',
    title: 'Draft a request from a template',
    description:
      "Fills a template with a person's details and any fields you give, then runs the request checker on it: word count, and findings (asking for a job, no connection first, not a question, too long, too much about you…) each with a severity and a sentence. Saves nothing; log the message when it is sent.",
    input: z.strictObject({
      templateId: id('template'),
      personId: id('person').optional(),
      fields: z
        .partialRecord(z.enum(MERGE_FIELDS), z.string().max(500))
        .optional()
        .describe(
          'Values for merge fields the person does not fill, e.g. {"school": "Lyon 2", "interestNarrow": "their learning team"}.',
        ),
    }),
    annotations: READS,
    run: (api, a) => api.call('POST', '/api/outreach/draft', a),
  }),
  defineTool({
    name: 'check_request',
    title: 'Check a request',
    description:
      'Runs the request checker on any text: word count (warning above 75 words, strong warning above 100, as set in Settings) and findings about the rules of a good request (connection first, ask for advice not a job, end with a question, narrow and broad interest, more about them than you). Returns every finding, not just a score. Saves nothing.',
    input: z.strictObject({
      text: z.string().min(1).max(20_000).describe('The draft to check.'),
      connectionHints: z
        .array(z.string().max(200))
        .max(10)
        .optional()
        .describe('Names of the shared connection (referrer, school…), to see that it comes first.'),
      narrowHints: z
        .array(z.string().max(500))
        .max(10)
        .optional()
        .describe('Their organization, team or topic.'),
      broadHints: z
        .array(z.string().max(500))
        .max(10)
        .optional()
        .describe('The wider field you are exploring.'),
    }),
    annotations: READS,
    run: (api, a) => api.call('POST', '/api/outreach/check', a),
  }),
  defineTool({
    name: 'get_question_plan',
    title: 'Read a question plan',
    description:
      "The agenda of a conversation's meeting: small talk, questions and next steps, with minutes per item, how the total fits the meeting, and answers noted so far.",
    input: z.strictObject({ conversationId: id('conversation') }),
    annotations: READS,
    run: (api, a) => api.call('GET', `/api/preparation/plans/${seg(a.conversationId)}`),
  }),
  defineTool({
    name: 'get_results',
    title: 'Results dashboard',
    description:
      'What the conversations produced: referrals, unadvertised openings, interviews and offers, the funnel from request to meeting, reply rates by channel and template, and the pace against your weekly goal.',
    input: z.strictObject({}),
    annotations: READS,
    run: (api) => api.call('GET', '/api/opportunities/dashboard'),
  }),
];
