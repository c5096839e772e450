/**
 * Every list of the app as a CSV file, read through the same list services as the pages so an
 * export holds exactly what the page shows for the same filter (all of it, not one page).
 */
import { eq } from 'drizzle-orm';
import { conversations, organizations, people } from '../db/schema.js';
import { type CsvColumn, csvFileName, toCsv } from '../domain/csv-export.js';
import { TARGET_STATUS_LABELS, type TargetStatus } from '../domain/lamp.js';
import { QUESTION_TOPIC_LABELS, type QuestionTopic } from '../domain/question-bank.js';
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
} from '../domain/vocab.js';
import type { Ctx } from './context.js';
import { type ConversationSummary, listConversations } from './conversations.js';
import { listMessages } from './messages.js';
import { listOpportunities } from './opportunities.js';
import { listOrganizations, type Organization } from './organizations.js';
import { listPeople, type Person } from './people.js';
import { listQuestions } from './questions.js';
import { getSettings } from './settings.js';
import { listTargets } from './targets.js';
import { listTasks, type TaskState } from './tasks.js';

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

const PAGE = 500;
const TASK_KIND_LABELS: Record<TaskKind, string> = {
  promise_mine: 'I promised',
  promise_theirs: 'They promised',
  report_back: 'Report back',
  custom: 'Task',
};

/** Reads every page of a paged list service. */
async function all<T>(page: (limit: number, offset: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const items = await page(PAGE, offset);
    out.push(...items);
    if (items.length < PAGE) return out;
  }
}

async function names(ctx: Ctx) {
  const [p, c, o] = await Promise.all([
    ctx.db
      .select({ id: people.id, name: people.fullName })
      .from(people)
      .where(eq(people.workspaceId, ctx.workspaceId)),
    ctx.db
      .select({ id: conversations.id, name: conversations.title })
      .from(conversations)
      .where(eq(conversations.workspaceId, ctx.workspaceId)),
    ctx.db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.workspaceId, ctx.workspaceId)),
  ]);
  const map = (rows: { id: string; name: string }[]) => {
    const m = new Map(rows.map((r) => [r.id, r.name]));
    return (id: string | null) => (id ? (m.get(id) ?? '') : '');
  };
  return { person: map(p), conversation: map(c), organization: map(o) };
}

const stamps = <T extends { createdAt: Date; updatedAt: Date }>(): CsvColumn<T>[] => [
  { header: 'Created', value: (r) => r.createdAt },
  { header: 'Updated', value: (r) => r.updatedAt },
];

async function peopleCsv(ctx: Ctx & CsvFilter): Promise<string> {
  const rows = await all((limit, offset) => listPeople({ ...ctx, limit, offset }).then((r) => r.items));
  const columns: CsvColumn<Person>[] = [
    { header: 'Full name', value: (p) => p.fullName },
    { header: 'Title', value: (p) => p.title },
    { header: 'Function', value: (p) => p.function },
    { header: 'Seniority', value: (p) => (p.seniority ? SENIORITY_LABELS[p.seniority as Seniority] : '') },
    { header: 'Organization', value: (p) => p.organizationName },
    { header: 'E-mail', value: (p) => p.email },
    { header: 'Phone', value: (p) => p.phone },
    { header: 'LinkedIn', value: (p) => p.linkedinUrl },
    { header: 'Location', value: (p) => p.location },
    { header: 'Time zone', value: (p) => p.timeZone },
    { header: 'How we know each other', value: (p) => p.howWeKnow },
    { header: 'Introduced by', value: (p) => p.introducedBy?.fullName },
    { header: 'Tags', value: (p) => p.tags },
    { header: 'Keep in touch', value: (p) => p.keepInTouch },
    { header: 'Every (days)', value: (p) => p.keepInTouchEveryDays },
    { header: 'Preferred channel', value: (p) => p.preferredChannel },
    { header: 'Connected on', value: (p) => p.connectedOn },
    { header: 'Last interaction', value: (p) => p.lastInteractionAt },
    { header: 'Source', value: (p) => p.source },
    { header: 'Notes', value: (p) => p.notes },
    ...stamps<Person>(),
  ];
  return toCsv(columns, rows);
}

async function organizationsCsv(ctx: Ctx & CsvFilter): Promise<string> {
  const rows = await all((limit, offset) =>
    listOrganizations({ ...ctx, limit, offset }).then((r) => r.items),
  );
  const columns: CsvColumn<Organization>[] = [
    { header: 'Name', value: (o) => o.name },
    { header: 'Website', value: (o) => o.website },
    { header: 'Industry', value: (o) => o.industry },
    { header: 'Location', value: (o) => o.location },
    { header: 'People', value: (o) => o.peopleCount },
    { header: 'Notes', value: (o) => o.notes },
    ...stamps<Organization>(),
  ];
  return toCsv(columns, rows);
}

async function conversationsCsv(ctx: Ctx & CsvFilter): Promise<string> {
  const rows = await all((limit, offset) =>
    listConversations({ ...ctx, limit, offset }).then((r) => r.items),
  );
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
  return toCsv(columns, rows);
}

async function targetsCsv(ctx: Ctx): Promise<string> {
  const rows = await listTargets(ctx);
  type T = (typeof rows)[number];
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
  return toCsv(
    columns,
    [...rows].sort((a, b) => a.rank - b.rank),
  );
}

async function opportunitiesCsv(ctx: Ctx & CsvFilter): Promise<string> {
  const filter = {
    kind: ctx.kind,
    organizationId: ctx.organizationId,
    personId: ctx.personId,
    conversationId: ctx.conversationId,
  };
  const [rows, n] = await Promise.all([listOpportunities(ctx, filter), names(ctx)]);
  type O = (typeof rows)[number];
  const columns: CsvColumn<O>[] = [
    { header: 'Occurred on', value: (o) => o.occurredOn },
    { header: 'Kind', value: (o) => OPPORTUNITY_KIND_LABELS[o.kind] },
    { header: 'Title', value: (o) => o.title },
    { header: 'Organization', value: (o) => n.organization(o.organizationId) },
    {
      header: 'From conversations',
      value: (o) => o.sources.map((s) => n.conversation(s.conversationId)).filter(Boolean),
    },
    { header: 'From people', value: (o) => o.sources.map((s) => n.person(s.personId)).filter(Boolean) },
    { header: 'Notes', value: (o) => o.notes },
    { header: 'Created', value: (o) => o.createdAt },
  ];
  return toCsv(columns, rows);
}

async function tasksCsv(ctx: Ctx & CsvFilter): Promise<string> {
  const [rows, n] = await Promise.all([
    listTasks(ctx.taskState ? { ...ctx, state: ctx.taskState } : ctx),
    names(ctx),
  ]);
  type T = (typeof rows)[number];
  const columns: CsvColumn<T>[] = [
    { header: 'Task', value: (t) => t.title },
    { header: 'Kind', value: (t) => TASK_KIND_LABELS[t.kind as TaskKind] },
    { header: 'Due on', value: (t) => t.dueOn },
    { header: 'Person', value: (t) => n.person(t.personId) },
    { header: 'Conversation', value: (t) => n.conversation(t.conversationId) },
    { header: 'Done at', value: (t) => t.doneAt },
    ...stamps<T>(),
  ];
  return toCsv(columns, rows);
}

async function messagesCsv(ctx: Ctx & CsvFilter): Promise<string> {
  const [rows, n] = await Promise.all([
    all((limit, offset) => listMessages({ ...ctx, limit, offset })),
    names(ctx),
  ]);
  type M = (typeof rows)[number];
  const columns: CsvColumn<M>[] = [
    { header: 'At', value: (m) => m.at },
    { header: 'Direction', value: (m) => (m.direction === 'out' ? 'Sent' : 'Received') },
    { header: 'Channel', value: (m) => CHANNEL_LABELS[m.channel as Channel] },
    { header: 'Purpose', value: (m) => MESSAGE_PURPOSE_LABELS[m.purpose as MessagePurpose] },
    { header: 'Person', value: (m) => n.person(m.personId) },
    { header: 'Conversation', value: (m) => n.conversation(m.conversationId) },
    { header: 'Subject', value: (m) => m.subject },
    { header: 'Message', value: (m) => m.body },
  ];
  return toCsv(columns, rows);
}

async function questionsCsv(ctx: Ctx): Promise<string> {
  const rows = await listQuestions({ ...ctx, includeRetired: true });
  type Q = (typeof rows)[number];
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
  return toCsv(columns, rows);
}

const WRITERS: Record<CsvList, (ctx: Ctx & CsvFilter) => Promise<string>> = {
  people: peopleCsv,
  organizations: organizationsCsv,
  conversations: conversationsCsv,
  targets: targetsCsv,
  opportunities: opportunitiesCsv,
  tasks: tasksCsv,
  messages: messagesCsv,
  questions: questionsCsv,
};

/** One list as a CSV file named by the list and the user's date. */
export async function exportCsv(
  ctx: Ctx & { list: CsvList; filter?: CsvFilter },
): Promise<{ fileName: string; csv: string }> {
  const csv = await WRITERS[ctx.list]({ ...ctx, ...ctx.filter });
  const { timeZone } = await getSettings(ctx);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(ctx.now());
  return { fileName: csvFileName(ctx.list, today), csv };
}
