import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type McpApi, query, seg } from './api.js';
import { methodText } from './method.js';

interface SettingsNumbers {
  activeTargets: number;
  requestWarnWords: number;
  requestStrongWords: number;
  secondContactAfterBusinessDays: number;
  followUpAfterBusinessDays: number;
  keepInTouchDefaultDays: number;
}

interface ConversationItem {
  id: string;
  title: string;
  status: string;
  nextMeetingAt?: string | null;
}

const json = (uri: string, value: unknown) => ({
  contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }],
});

/** The method's rules with the workspace's own numbers, as Markdown. */
export async function readMethod(api: McpApi): Promise<string> {
  const s = await api.call<SettingsNumbers>('GET', '/api/settings');
  return methodText({
    activeTargets: s.activeTargets,
    requestWarnWords: s.requestWarnWords,
    requestStrongWords: s.requestStrongWords,
    secondContactDays: s.secondContactAfterBusinessDays,
    followUpDays: s.followUpAfterBusinessDays,
    keepInTouchDays: s.keepInTouchDefaultDays,
  });
}

/**
 * A person's brief: who they are, their timeline, their conversations, and the one-page brief of
 * the conversation most worth preparing (the next meeting, else the latest conversation).
 */
export async function personBrief(api: McpApi, personId: string) {
  const [person, timeline, conversations] = await Promise.all([
    api.call('GET', `/api/people/${seg(personId)}`),
    api.call('GET', `/api/people/${seg(personId)}/timeline`),
    api.call<{ items: ConversationItem[] }>('GET', `/api/conversations${query({ personId, limit: 20 })}`),
  ]);
  const items = conversations.items;
  const withMeeting = items
    .filter((c) => c.nextMeetingAt)
    .sort((a, b) => String(a.nextMeetingAt).localeCompare(String(b.nextMeetingAt)));
  const focus = withMeeting[0] ?? items[0];
  const meetingBrief = focus ? await api.call('GET', `/api/preparation/brief/${seg(focus.id)}`) : null;
  return { person, conversations: items, meetingBrief, timeline };
}

/** The resources: the method, the question bank and a person's brief. */
export function registerResources(server: McpServer, api: McpApi): void {
  server.registerResource(
    'method',
    'rapport://method',
    {
      title: 'The method',
      description:
        "The rules Rapport follows for informational interviews (target list, the request, following up after 3 and 7 business days, the meeting, the thank-you and debrief), with this workspace's numbers.",
      mimeType: 'text/markdown',
    },
    async (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'text/markdown', text: await readMethod(api) }],
    }),
  );
  server.registerResource(
    'question-bank',
    'rapport://questions',
    {
      title: 'Question bank',
      description:
        'The questions to choose from for a meeting, each with its topic (trends, insights, advice, resources, assignments…) and the goals it serves.',
      mimeType: 'application/json',
    },
    async (uri) => json(uri.href, await api.call('GET', '/api/preparation/questions')),
  );
  server.registerResource(
    'person-brief',
    new ResourceTemplate('rapport://people/{personId}/brief', { list: undefined }),
    {
      title: "A person's brief",
      description:
        "Everything to have in hand before talking to a person: their details, conversations, timeline and the brief of their next meeting (goals, timed agenda, documents, logistics). Find the person's id with the search tool.",
      mimeType: 'application/json',
    },
    async (uri, variables) => {
      const personId = String(variables.personId ?? '');
      return json(uri.href, await personBrief(api, decodeURIComponent(personId)));
    },
  );
}
