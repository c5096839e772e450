/**
 * Every list of the app as a CSV file, read through the same list filters as the pages so an
 * export holds exactly what the page shows for the same filter (all of it, not one page).
 *
 * The long lists (people, organizations, conversations, messages) are read in pages of
 * PAGE rows by keyset (after the sort key of the last row sent), never by OFFSET and with no
 * count, and each page is written out as soon as it is read. Every page is its own short query,
 * so on the embedded database, which has one connection, other requests are answered between
 * pages instead of after the whole export.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { isEmbedded } from '../../db/client.js';
import { conversations, organizations, people } from '../../db/schema.js';
import { type CsvColumn, csvFileName, csvPieces } from '../../domain/csv-export.js';
import { TARGET_STATUS_LABELS, type TargetStatus } from '../../domain/lamp.js';
import { QUESTION_TOPIC_LABELS, type QuestionTopic } from '../../domain/question-bank.js';
import { nextTurn } from '../../domain/steps.js';
import {
  CHANNEL_LABELS,
  type Channel,
  CONVERSATION_STATUS_LABELS,
  CONVERSATION_TYPE_LABELS,
  type ConversationStatus,
  type ConversationType,
  type Direction,
  MESSAGE_PURPOSE_LABELS,
  type MessagePurpose,
  OPPORTUNITY_KIND_LABELS,
  type OpportunityKind,
  SENIORITY_LABELS,
  type Seniority,
  type TaskKind,
} from '../../domain/vocab.js';
import type { Ctx } from '../context.js';
import { type ConversationSummary, listConversationsAfter } from '../conversations/conversations.js';
import { listQuestions } from '../meetings/questions.js';
import { listOrganizationsAfter, type Organization } from '../organizations/organizations.js';
import { listTargets } from '../organizations/targets.js';
import { listMessagesAfter } from '../outreach/messages.js';
import { listOpportunities } from '../results/opportunities.js';
import { getSettings } from '../settings/settings.js';
import { listTasks, type TaskState } from '../tasks/tasks.js';
import {
  instantOf,
  listPeopleAfter,
  loadPeopleTags,
  type OrganizationNames,
  PERSON_AT,
  type PeopleTags,
  type PersonRow,
  tagsOf,
} from './people-pages.js';

export const CSV_LISTS = [
  'people',
  'organizations',
  'conversations',
  'targets',
  'opportunities',
  'tasks',
  'messages',
  'questions',
] as const;
export type CsvList = (typeof CSV_LISTS)[number];

/** The filters of the lists; each list reads the ones its page has. */
export interface CsvFilter {
  q?: string;
  organizationId?: string;
  tag?: string;
  status?: ConversationStatus[];
  personId?: string;
  conversationId?: string;
  includeDone?: boolean;
  /** Opportunities: one kind. */
  kind?: OpportunityKind;
  /** Tasks: open (the default), done or all. */
  taskState?: TaskState;
  /** Tasks: one kind. */
  taskKind?: TaskKind;
  /** Messages: sent or received. */
  direction?: Direction;
  /** Messages: one channel. */
  channel?: Channel;
}

/**
 * Rows a page. A request that arrives during an export on the embedded database waits for the page
 * being read: 2,000 people a page kept one waiting up to 704 ms (median 375) during an export of
 * 30,000; 500 a page, 408 ms (median 91), for the same total time, and 400 queries for 200,000.
 */
const PAGE = 500;
/**
 * Rows a page of the People export, the list that grows to hundreds of thousands. A larger page
 * costs less a row: at 200,000 people (in process, CPU), the page statements of an export took
 * 4.5-5.2 s in pages of 1,000, 4.2-4.3 s in pages of 1,500 and 4.1-4.3 s in pages of 2,000 (pages
 * of 500 were 11% dearer than 1,000). Other requests wait for at most one page statement
 * (`otherRequestsFirst`), so the page is what they wait for: with GET /api/workspace sent again
 * and again through the bench's export (load 10-12), median 33-35 ms in pages of 1,000 and 56-69
 * ms in pages of 2,000. 1,500 keeps most of the saving for a wait between the two.
 */
const PEOPLE_PAGE = 1500;
const TASK_KIND_LABELS: Record<TaskKind, string> = {
  promise_mine: 'I promised',
  promise_theirs: 'They promised',
  report_back: 'Report back',
  custom: 'Task',
};

/**
 * Two turns of the event loop, so that a request sent meanwhile is read and answered before the
 * export goes on. The embedded database answers without any real I/O, so without a turn a whole
 * export runs in one go of promise callbacks and a request that arrives meanwhile is not even
 * read until the export ends. One turn is not enough for a request on a new connection (as a
 * browser's often is): the turn in which the connection is accepted reads nothing from it, its
 * request is read in the next one, and by then the export had taken the connection for the next
 * page, so each such request waited for two pages (GET /api/workspace sent again and again
 * during an export of 200,000 people: 99 answered over 200 pages; with two turns, 200).
 */
async function otherRequestsFirst(): Promise<void> {
  await nextTurn();
  await nextTurn();
}

/**
 * A list's pages by keyset: each page starts after the key of the last row of the one before.
 * Other requests go first before each page is read, and again before it is written: then a
 * request waits for the page statement or for the writing of a page's lines, not both.
 */
async function* keyset<T>(
  page: (after: string[] | undefined) => Promise<{ items: T[]; next: string[] | null }>,
): AsyncGenerator<T[]> {
  let after: string[] | undefined;
  do {
    if (after) await otherRequestsFirst();
    const { items, next } = await page(after);
    if (next) await otherRequestsFirst();
    yield items;
    after = next ?? undefined;
  } while (after);
}

/** A short list read in one query, as a single page. */
async function* whole<T>(read: () => Promise<readonly T[]>): AsyncGenerator<readonly T[]> {
  yield await read();
}

/** Names of the people, conversations and organizations these rows point at, by id. */
async function names(ctx: Ctx, ids: { people: string[]; conversations: string[]; organizations: string[] }) {
  const p = ids.people.length
    ? await ctx.db
        .select({ id: people.id, name: people.fullName })
        .from(people)
        .where(and(eq(people.workspaceId, ctx.workspaceId), inArray(people.id, [...new Set(ids.people)])))
    : [];
  const c = ids.conversations.length
    ? await ctx.db
        .select({ id: conversations.id, name: conversations.title })
        .from(conversations)
        .where(
          and(
            eq(conversations.workspaceId, ctx.workspaceId),
            inArray(conversations.id, [...new Set(ids.conversations)]),
          ),
        )
    : [];
  const o = ids.organizations.length
    ? await ctx.db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(
          and(
            eq(organizations.workspaceId, ctx.workspaceId),
            inArray(organizations.id, [...new Set(ids.organizations)]),
          ),
        )
    : [];
  const of = (rows: { id: string; name: string }[]) => {
    const m = new Map(rows.map((r) => [r.id, r.name]));
    return (id: string | null) => (id ? (m.get(id) ?? '') : '');
  };
  return { person: of(p), conversation: of(c), organization: of(o) };
}

type Pieces = AsyncIterable<string>;

const stamps = <T extends { createdAt: Date; updatedAt: Date }>(): CsvColumn<T>[] => [
  { header: 'Created', value: (r) => r.createdAt },
  { header: 'Updated', value: (r) => r.updatedAt },
];

function peopleCsv(ctx: Ctx & CsvFilter): Pieces {
  const at = PERSON_AT;
  const organizationNames: OrganizationNames = new Map();
  let tags: PeopleTags | undefined;
  const columns: CsvColumn<PersonRow>[] = [
    { header: 'Full name', value: (p) => p[at.fullName] },
    { header: 'Title', value: (p) => p[at.title] },
    { header: 'Function', value: (p) => p[at.function] },
    {
      header: 'Seniority',
      value: (p) => (p[at.seniority] ? SENIORITY_LABELS[p[at.seniority] as Seniority] : ''),
    },
    { header: 'Organization', value: (p) => p[at.organizationName] },
    { header: 'E-mail', value: (p) => p[at.email] },
    { header: 'Phone', value: (p) => p[at.phone] },
    { header: 'LinkedIn', value: (p) => p[at.linkedinUrl] },
    { header: 'Location', value: (p) => p[at.location] },
    { header: 'Time zone', value: (p) => p[at.timeZone] },
    { header: 'How we know each other', value: (p) => p[at.howWeKnow] },
    { header: 'Introduced by', value: (p) => p[at.introducedByName] },
    { header: 'Tags', value: tagsOf },
    { header: 'Keep in touch', value: (p) => p[at.keepInTouch] },
    // A number, written as one (cellText does not defuse numbers).
    {
      header: 'Every (days)',
      value: (p) => {
        const days = p[at.keepInTouchEveryDays];
        return days === null || days === undefined ? null : Number(days);
      },
    },
    { header: 'Preferred channel', value: (p) => p[at.preferredChannel] },
    { header: 'Connected on', value: (p) => p[at.connectedOn] },
    { header: 'Last interaction', value: (p) => instantOf(p[at.lastInteractionAt]) },
    { header: 'Source', value: (p) => p[at.source] },
    { header: 'Notes', value: (p) => p[at.notes] },
    { header: 'Created', value: (p) => instantOf(p[at.createdAt]) },
    { header: 'Updated', value: (p) => instantOf(p[at.updatedAt]) },
  ];
  return csvPieces(
    columns,
    keyset(async (after) => {
      // On the embedded database, past a first full page, every tag of the workspace is read at
      // once, in order (see loadPeopleTags).
      if (after && !tags && isEmbedded(ctx.db)) tags = await loadPeopleTags(ctx, otherRequestsFirst);
      return listPeopleAfter({ ...ctx, after, limit: PEOPLE_PAGE, organizationNames, tags });
    }),
  );
}

function organizationsCsv(ctx: Ctx & CsvFilter): Pieces {
  type O = Omit<Organization, 'search'>;
  const columns: CsvColumn<O>[] = [
    { header: 'Name', value: (o) => o.name },
    { header: 'Website', value: (o) => o.website },
    { header: 'Industry', value: (o) => o.industry },
    { header: 'Location', value: (o) => o.location },
    { header: 'People', value: (o) => o.peopleCount },
    { header: 'Notes', value: (o) => o.notes },
    ...stamps<O>(),
  ];
  return csvPieces(
    columns,
    keyset((after) => listOrganizationsAfter({ ...ctx, after, limit: PAGE })),
  );
}

function conversationsCsv(ctx: Ctx & CsvFilter): Pieces {
  const columns: CsvColumn<ConversationSummary>[] = [
    { header: 'Title', value: (c) => c.title },
    { header: 'Type', value: (c) => CONVERSATION_TYPE_LABELS[c.type as ConversationType] },
    { header: 'Status', value: (c) => CONVERSATION_STATUS_LABELS[c.status as ConversationStatus] },
    { header: 'Organization', value: (c) => c.organizationName },
    { header: 'People', value: (c) => c.participants.map((p) => p.fullName) },
    { header: 'Role', value: (c) => c.role },
    { header: 'Reached via', value: (c) => c.reachedVia },
    { header: 'Requested', value: (c) => c.requestedAt },
    { header: 'Next meeting', value: (c) => c.nextMeetingAt },
    { header: 'Status changed', value: (c) => c.statusChangedAt },
    ...stamps<ConversationSummary>(),
  ];
  return csvPieces(
    columns,
    keyset((after) => listConversationsAfter({ ...ctx, after, limit: PAGE })),
  );
}

function targetsCsv(ctx: Ctx): Pieces {
  type T = Awaited<ReturnType<typeof listTargets>>[number];
  const columns: CsvColumn<T>[] = [
    { header: 'Rank', value: (t) => t.rank },
    { header: 'Organization', value: (t) => t.name },
    { header: 'Status', value: (t) => TARGET_STATUS_LABELS[t.status as TargetStatus] },
    { header: 'Working on it now', value: (t) => t.working },
    { header: 'Motivation (0-3)', value: (t) => t.motivation },
    { header: 'Posting (1-3)', value: (t) => t.posting },
    { header: 'Advocacy', value: (t) => t.advocacy },
    { header: 'Contacts there', value: (t) => t.contacts },
    { header: 'Open posting', value: (t) => t.hasOpenPosting },
  ];
  return csvPieces(
    columns,
    whole(async () => [...(await listTargets(ctx))].sort((a, b) => a.rank - b.rank)),
  );
}

async function* opportunityPages(ctx: Ctx & CsvFilter) {
  const rows = await listOpportunities(ctx, {
    kind: ctx.kind,
    organizationId: ctx.organizationId,
    personId: ctx.personId,
    conversationId: ctx.conversationId,
  });
  const n = await names(ctx, {
    people: rows.flatMap((o) => o.sources.flatMap((s) => (s.personId ? [s.personId] : []))),
    conversations: rows.flatMap((o) =>
      o.sources.flatMap((s) => (s.conversationId ? [s.conversationId] : [])),
    ),
    organizations: rows.flatMap((o) => (o.organizationId ? [o.organizationId] : [])),
  });
  yield rows.map((o) => ({
    ...o,
    organizationName: n.organization(o.organizationId),
    fromConversations: o.sources.map((s) => n.conversation(s.conversationId)).filter(Boolean),
    fromPeople: o.sources.map((s) => n.person(s.personId)).filter(Boolean),
  }));
}

function opportunitiesCsv(ctx: Ctx & CsvFilter): Pieces {
  type O = Awaited<ReturnType<typeof listOpportunities>>[number] & {
    organizationName: string;
    fromConversations: string[];
    fromPeople: string[];
  };
  const columns: CsvColumn<O>[] = [
    { header: 'Occurred on', value: (o) => o.occurredOn },
    { header: 'Kind', value: (o) => OPPORTUNITY_KIND_LABELS[o.kind] },
    { header: 'Title', value: (o) => o.title },
    { header: 'Organization', value: (o) => o.organizationName },
    { header: 'From conversations', value: (o) => o.fromConversations },
    { header: 'From people', value: (o) => o.fromPeople },
    { header: 'Notes', value: (o) => o.notes },
    { header: 'Created', value: (o) => o.createdAt },
  ];
  return csvPieces(columns, opportunityPages(ctx));
}

function tasksCsv(ctx: Ctx & CsvFilter): Pieces {
  type T = Awaited<ReturnType<typeof listTasks>>[number];
  const columns: CsvColumn<T>[] = [
    { header: 'Task', value: (t) => t.title },
    { header: 'Kind', value: (t) => TASK_KIND_LABELS[t.kind as TaskKind] },
    { header: 'Due on', value: (t) => t.dueOn },
    { header: 'Person', value: (t) => t.personName },
    { header: 'Conversation', value: (t) => t.conversationTitle },
    { header: 'Done at', value: (t) => t.doneAt },
    ...stamps<T>(),
  ];
  return csvPieces(
    columns,
    whole(() => listTasks(ctx.taskState ? { ...ctx, state: ctx.taskState } : ctx)),
  );
}

function messagesCsv(ctx: Ctx & CsvFilter): Pieces {
  type M = Awaited<ReturnType<typeof listMessagesAfter>>['items'][number];
  const columns: CsvColumn<M>[] = [
    { header: 'At', value: (m) => m.at },
    { header: 'Direction', value: (m) => (m.direction === 'out' ? 'Sent' : 'Received') },
    { header: 'Channel', value: (m) => CHANNEL_LABELS[m.channel as Channel] },
    { header: 'Purpose', value: (m) => MESSAGE_PURPOSE_LABELS[m.purpose as MessagePurpose] },
    { header: 'Person', value: (m) => m.personName },
    { header: 'Conversation', value: (m) => m.conversationTitle },
    { header: 'Subject', value: (m) => m.subject },
    { header: 'Message', value: (m) => m.body },
  ];
  return csvPieces(
    columns,
    keyset((after) => listMessagesAfter({ ...ctx, after, limit: PAGE })),
  );
}

function questionsCsv(ctx: Ctx): Pieces {
  type Q = Awaited<ReturnType<typeof listQuestions>>[number];
  const columns: CsvColumn<Q>[] = [
    { header: 'Topic', value: (q) => QUESTION_TOPIC_LABELS[q.topic as QuestionTopic] ?? q.topic },
    { header: 'Question', value: (q) => q.text },
    {
      header: 'Goals',
      value: (q) => q.goals.map((g) => CONVERSATION_TYPE_LABELS[g as ConversationType] ?? g),
    },
    { header: 'Built in', value: (q) => q.builtIn },
    { header: 'A web search would answer it', value: (q) => q.searchableReason },
    { header: 'Retired', value: (q) => q.retiredAt },
    { header: 'Created', value: (q) => q.createdAt },
  ];
  return csvPieces(
    columns,
    whole(() => listQuestions({ ...ctx, includeRetired: true })),
  );
}

const WRITERS: Record<CsvList, (ctx: Ctx & CsvFilter) => Pieces> = {
  people: peopleCsv,
  organizations: organizationsCsv,
  conversations: conversationsCsv,
  targets: targetsCsv,
  opportunities: opportunitiesCsv,
  tasks: tasksCsv,
  messages: messagesCsv,
  questions: questionsCsv,
};

/**
 * One list as a CSV file named by the list and the user's date. The file comes in pieces (the
 * head, then the lines of each page) read from the database as the caller asks for them, so a
 * large export is never held whole in memory.
 */
export async function exportCsv(
  ctx: Ctx & { list: CsvList; filter?: CsvFilter },
): Promise<{ fileName: string; pieces: AsyncIterable<string> }> {
  const { timeZone } = await getSettings(ctx);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(ctx.now());
  return { fileName: csvFileName(ctx.list, today), pieces: WRITERS[ctx.list]({ ...ctx, ...ctx.filter }) };
}
