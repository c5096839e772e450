import { and, desc, eq, inArray, or } from 'drizzle-orm';
import {
  conversationParticipants,
  conversationStatusHistory,
  conversations,
  introductions,
  notes,
  people,
} from '../../db/schema.js';
import { CONVERSATION_STATUS_LABELS, type ConversationStatus } from '../../domain/vocab.js';
import type { Ctx } from '../context.js';
import { getOrganization } from '../organizations/organizations.js';
import { getPerson } from '../people/people.js';

export interface TimelineEntry {
  at: Date;
  kind: 'note' | 'status' | 'introduction';
  title: string;
  body: string | null;
  conversationId: string | null;
  noteId: string | null;
  personId: string | null;
}

const LIMIT = 200;

async function conversationEntries(ctx: Ctx, conversationIds: string[]): Promise<TimelineEntry[]> {
  if (!conversationIds.length) return [];
  const [history, convNotes] = await Promise.all([
    ctx.db
      .select({ h: conversationStatusHistory, title: conversations.title })
      .from(conversationStatusHistory)
      .innerJoin(conversations, eq(conversations.id, conversationStatusHistory.conversationId))
      .where(inArray(conversationStatusHistory.conversationId, conversationIds))
      .orderBy(desc(conversationStatusHistory.seq))
      .limit(LIMIT),
    ctx.db
      .select({ n: notes, title: conversations.title })
      .from(notes)
      .innerJoin(conversations, eq(conversations.id, notes.conversationId))
      .where(inArray(notes.conversationId, conversationIds))
      .orderBy(desc(notes.createdAt))
      .limit(LIMIT),
  ]);
  return [
    ...history.map(({ h, title }) => ({
      at: h.at,
      kind: 'status' as const,
      title: h.fromStatus
        ? `${title}: ${CONVERSATION_STATUS_LABELS[h.toStatus as ConversationStatus] ?? h.toStatus}`
        : `${title}: added as an idea`,
      body: h.note,
      conversationId: h.conversationId,
      noteId: null,
      personId: null,
    })),
    ...convNotes.map(({ n, title }) => ({
      at: n.createdAt,
      kind: 'note' as const,
      title: `Note on ${title}`,
      body: n.body,
      conversationId: n.conversationId,
      noteId: n.id,
      personId: null,
    })),
  ];
}

function noteEntries(rows: (typeof notes.$inferSelect)[], title: string): TimelineEntry[] {
  return rows.map((n) => ({
    at: n.createdAt,
    kind: 'note',
    title,
    body: n.body,
    conversationId: null,
    noteId: n.id,
    personId: n.personId,
  }));
}

function newestFirst(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, LIMIT);
}

/** Everything that happened with a person: their conversations, notes and introductions. */
export async function personTimeline(ctx: Ctx & { id: string }): Promise<TimelineEntry[]> {
  const person = await getPerson(ctx);
  const [convIds, personNotes, intros] = await Promise.all([
    ctx.db
      .select({ id: conversationParticipants.conversationId })
      .from(conversationParticipants)
      .where(eq(conversationParticipants.personId, person.id)),
    ctx.db
      .select()
      .from(notes)
      .where(eq(notes.personId, person.id))
      .orderBy(desc(notes.createdAt))
      .limit(LIMIT),
    ctx.db
      .select({ i: introductions, introducer: people.fullName })
      .from(introductions)
      .innerJoin(people, eq(people.id, introductions.introducerId))
      .where(or(eq(introductions.introducedId, person.id), eq(introductions.introducerId, person.id)))
      .limit(LIMIT),
  ]);
  const introducedNames = new Map<string, string>();
  const othersIds = intros.filter((r) => r.i.introducerId === person.id).map((r) => r.i.introducedId);
  if (othersIds.length) {
    const rows = await ctx.db
      .select({ id: people.id, fullName: people.fullName })
      .from(people)
      .where(and(inArray(people.id, othersIds), eq(people.workspaceId, ctx.workspaceId)));
    for (const r of rows) introducedNames.set(r.id, r.fullName);
  }
  const introEntries: TimelineEntry[] = intros.map(({ i, introducer }) => {
    const mine = i.introducerId === person.id;
    return {
      at: i.createdAt,
      kind: 'introduction',
      title: mine
        ? `Introduced you to ${introducedNames.get(i.introducedId) ?? 'someone'}`
        : `Introduced to you by ${introducer}`,
      body: i.note,
      conversationId: i.viaConversationId,
      noteId: null,
      personId: mine ? i.introducedId : i.introducerId,
    };
  });
  return newestFirst([
    ...(await conversationEntries(
      ctx,
      convIds.map((c) => c.id),
    )),
    ...noteEntries(personNotes, 'Note'),
    ...introEntries,
  ]);
}

/** Everything that happened at an organization: its conversations and notes. */
export async function organizationTimelineEntries(ctx: Ctx & { id: string }): Promise<TimelineEntry[]> {
  const org = await getOrganization(ctx);
  const [convs, orgNotes] = await Promise.all([
    ctx.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.organizationId, org.id), eq(conversations.workspaceId, ctx.workspaceId))),
    ctx.db
      .select()
      .from(notes)
      .where(eq(notes.organizationId, org.id))
      .orderBy(desc(notes.createdAt))
      .limit(LIMIT),
  ]);
  return newestFirst([
    ...(await conversationEntries(
      ctx,
      convs.map((c) => c.id),
    )),
    ...noteEntries(orgNotes, 'Note'),
  ]);
}
