import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { type McpApi, query, seg } from './api.js';
import { personBrief, readMethod } from './resources.js';

interface Hit {
  type: string;
  id: string;
  title: string;
  personId: string | null;
  organizationId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id behind what the user typed: an id as it is, else the best search hit of that type. */
async function resolve(api: McpApi, text: string, type: 'person' | 'organization') {
  const wanted = text.trim();
  if (UUID.test(wanted)) return { id: wanted, name: wanted };
  const hits = await api.call<Hit[]>('GET', `/api/search${query({ q: wanted, types: type, limit: 1 })}`);
  const hit = hits[0];
  return hit ? { id: hit.id, name: hit.title } : null;
}

function user(text: string) {
  return { role: 'user' as const, content: { type: 'text' as const, text } };
}

function context(title: string, value: unknown) {
  return user(`${title}\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``);
}

const notFound = (what: string, text: string) =>
  user(
    `Rapport found no ${what} matching "${text}". Use the search tool to find them, then ask me which one I mean.`,
  );

/** The prompts: prepare a meeting, write a thank-you, find whom to ask next at an employer. */
export function registerPrompts(server: McpServer, api: McpApi): void {
  server.registerPrompt(
    'prepare_meeting',
    {
      title: 'Prepare me for my meeting with …',
      description:
        'Gathers the person, the conversation and its question plan, and prepares the meeting with you.',
      argsSchema: { person: z.string().min(1).describe("The person's name (or id).") },
    },
    async ({ person }) => {
      const found = await resolve(api, person, 'person');
      if (!found) return { messages: [notFound('person', person)] };
      const brief = await personBrief(api, found.id);
      return {
        description: `Preparing the meeting with ${found.name}`,
        messages: [
          context(`Here is what Rapport knows about ${found.name}:`, brief),
          user(
            [
              `Prepare me for my meeting with ${found.name}.`,
              'Remind me of who they are, how I know them or who introduced us, and my goals for the conversation.',
              'Use the question plan of the conversation (get_question_plan); if it has none, propose one with propose_question_plan.',
              'Keep to the three parts: small talk, questions, next steps (who else to talk to, what to do next, may I keep in touch).',
              'Keep my questions to what a web search cannot answer, and fit them into the time asked for (20-30 minutes).',
              'Do not suggest asking for a job. End with the logistics and what to bring.',
            ].join(' '),
          ),
        ],
      };
    },
  );
  server.registerPrompt(
    'thank_you',
    {
      title: 'Write a thank-you to … from my notes',
      description:
        'Drafts a thank-you note from your notes and debrief of the conversation with this person.',
      argsSchema: { person: z.string().min(1).describe("The person's name (or id).") },
    },
    async ({ person }) => {
      const found = await resolve(api, person, 'person');
      if (!found) return { messages: [notFound('person', person)] };
      const brief = await personBrief(api, found.id);
      const conversation = brief.conversations[0];
      const draft = conversation
        ? await api
            .call(
              'GET',
              `/api/conversations/${seg(conversation.id)}/thank-you${query({ personId: found.id })}`,
            )
            .catch(() => null)
        : null;
      const notes = conversation
        ? await api.call('GET', `/api/notes${query({ conversationId: conversation.id })}`)
        : [];
      return {
        description: `A thank-you to ${found.name}`,
        messages: [
          context(`My notes and Rapport's draft for ${found.name}:`, {
            person: brief.person,
            conversation,
            notes,
            draft,
          }),
          user(
            [
              `Write a short thank-you to ${found.name} from my notes.`,
              'Name one specific thing they said, say what I will do with it, and thank them. Keep it warm and brief.',
              'It should go out within 24 hours of the meeting. When I have sent it, log it with log_message (purpose thank_you).',
            ].join(' '),
          ),
        ],
      };
    },
  );
  server.registerPrompt(
    'who_next',
    {
      title: 'Who should I ask next at …',
      description:
        'Looks at the ways into an employer and whom you have already heard from, and suggests whom to ask next.',
      argsSchema: { organization: z.string().min(1).describe("The organization's name (or id).") },
    },
    async ({ organization }) => {
      const found = await resolve(api, organization, 'organization');
      if (!found) return { messages: [notFound('organization', organization)] };
      const [warmPaths, coverage, method] = await Promise.all([
        api.call('GET', `/api/network/warm-paths/${seg(found.id)}`),
        api.call('GET', `/api/network/coverage/${seg(found.id)}`),
        readMethod(api),
      ]);
      return {
        description: `Whom to ask next at ${found.name}`,
        messages: [
          context(`The ways into ${found.name} and whom I have heard from there:`, { warmPaths, coverage }),
          user(
            [
              `Who should I ask next at ${found.name}?`,
              'Suggest two or three people, best first, and say why each: a shared connection, the function I want, a level or so above the role, promoted from within.',
              'Point out levels and functions I have not heard from yet. Then offer to draft the request (draft_request, check_request).',
              `Follow these rules:\n\n${method}`,
            ].join(' '),
          ),
        ],
      };
    },
  );
}
