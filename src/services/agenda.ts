import { and, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import {
  conversationParticipants,
  conversations,
  meetings,
  messages,
  people,
  reminderStates,
  tasks,
} from '../db/schema.js';
import { THANK_YOU_WITHIN_HOURS } from '../domain/after-meeting.js';
import { localDate } from '../domain/business-days.js';
import { followUpItems, type RequestFacts } from '../domain/follow-up.js';
import { meetingEnd } from '../domain/meeting-rules.js';
import type { AgendaClock, AgendaDraft, AgendaItem, AgendaKind } from './agenda-item.js';
import { keepInTouchItems, reconnectItem } from './agenda-keep-in-touch.js';
import { meetingItems } from './agenda-meetings.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';

export type { AgendaItem, AgendaKind } from './agenda-item.js';
export { AGENDA_KINDS } from './agenda-item.js';

type Clock = AgendaClock;

async function followUps(ctx: Ctx, clock: Clock): Promise<AgendaDraft[]> {
  // Requests still waiting, with what happened since each went out: a reply, the one follow-up,
  // and the first later request to someone else at the same organization (the "second person").
  const rows = await ctx.db
    .select({
      id: conversations.id,
      title: conversations.title,
      organizationId: conversations.organizationId,
      requestedAt: conversations.requestedAt,
      statusChangedAt: conversations.statusChangedAt,
      followUpSentAt: sql<string | null>`m.follow_up_at`,
      replyAt: sql<string | null>`m.reply_at`,
      secondAt: sql<string | null>`(select min(o.requested_at) from ${conversations} o
        where o.organization_id = "conversations"."organization_id" and o.id <> "conversations"."id"
        and o.workspace_id = "conversations"."workspace_id"
        and o.requested_at > coalesce("conversations"."requested_at", "conversations"."status_changed_at"))`,
      personId: sql<string | null>`(select cp.person_id from ${conversationParticipants} cp
        where cp.conversation_id = "conversations"."id" order by cp.position limit 1)`,
    })
    .from(conversations)
    .leftJoinLateral(
      sql`(select
          min(mm.at) filter (where mm.direction = 'out' and mm.purpose = 'follow_up') as follow_up_at,
          min(mm.at) filter (where mm.direction = 'in') as reply_at
        from ${messages} mm
        where mm.conversation_id = "conversations"."id"
          and mm.at >= coalesce("conversations"."requested_at", "conversations"."status_changed_at")) m`,
      sql`true`,
    )
    .where(and(eq(conversations.workspaceId, ctx.workspaceId), eq(conversations.status, 'requested')));
  const items: AgendaDraft[] = [];
  for (const r of rows) {
    const requestedAt = r.requestedAt ?? r.statusChangedAt;
    const facts: RequestFacts = {
      conversationId: r.id,
      requestedAt,
      replyAt: r.replyAt ? new Date(r.replyAt) : null,
      followUpSentAt: r.followUpSentAt ? new Date(r.followUpSentAt) : null,
      // Without an organization there is no "second person there" to suggest.
      secondContactAt: r.secondAt ? new Date(r.secondAt) : r.organizationId ? null : requestedAt,
    };
    for (const f of followUpItems(facts, clock.cal, {
      secondContactAfter: clock.settings.secondContactAfterBusinessDays,
      followUpAfter: clock.settings.followUpAfterBusinessDays,
    })) {
      if (f.dueDate > clock.today) continue;
      items.push({
        key: f.ruleKey,
        kind: f.kind,
        title: `${f.kind === 'follow_up' ? 'Follow up' : 'Reach a second person'}: ${r.title}`,
        detail: f.message,
        dueDate: f.dueDate,
        dueAt: null,
        overdue: f.dueDate < clock.today,
        personId: r.personId,
        conversationId: r.id,
        taskId: null,
      });
    }
  }
  return items;
}

async function thankYous(ctx: Ctx, clock: Clock): Promise<AgendaDraft[]> {
  const rows = await ctx.db
    .select({
      conversationId: conversations.id,
      title: conversations.title,
      personId: people.id,
      fullName: people.fullName,
      startsAt: meetings.startsAt,
      durationMinutes: meetings.durationMinutes,
    })
    .from(conversations)
    .innerJoin(meetings, and(eq(meetings.conversationId, conversations.id), isNull(meetings.cancelledAt)))
    .innerJoin(conversationParticipants, eq(conversationParticipants.conversationId, conversations.id))
    .innerJoin(people, eq(people.id, conversationParticipants.personId))
    .where(
      and(
        eq(conversations.workspaceId, ctx.workspaceId),
        eq(conversations.status, 'held'),
        sql`not exists (select 1 from ${messages} m where m.conversation_id = "conversations"."id"
          and m.person_id = "people"."id" and m.direction = 'out' and m.purpose = 'thank_you'
          and m.at >= "meetings"."starts_at")`,
      ),
    );
  return rows.map((r) => {
    const due = new Date(
      meetingEnd(r.startsAt, r.durationMinutes).getTime() + THANK_YOU_WITHIN_HOURS * 3_600_000,
    );
    return {
      key: `thank_you:${r.conversationId}:${r.personId}`,
      kind: 'thank_you' as const,
      title: `Thank ${r.fullName}`,
      detail: `Within ${THANK_YOU_WITHIN_HOURS} hours of the meeting: one thing they said, what you will do with it, thanks.`,
      dueDate: localDate(due, clock.cal.timeZone),
      dueAt: due,
      overdue: due < clock.now,
      personId: r.personId,
      conversationId: r.conversationId,
      taskId: null,
    };
  });
}

async function taskItems(ctx: Ctx, clock: Clock): Promise<AgendaDraft[]> {
  const rows = await ctx.db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.workspaceId, ctx.workspaceId),
        isNull(tasks.doneAt),
        isNotNull(tasks.dueOn),
        lte(tasks.dueOn, clock.today),
      ),
    );
  return rows.map((t) => ({
    key: `task:${t.id}`,
    kind: t.kind === 'report_back' ? ('report_back' as const) : ('task' as const),
    title: t.title,
    detail: t.kind === 'report_back' ? 'Tell them what you did with their advice or referral.' : '',
    dueDate: t.dueOn!,
    dueAt: null,
    overdue: t.dueOn! < clock.today,
    personId: t.personId,
    conversationId: t.conversationId,
    taskId: t.id,
  }));
}

const ORDER: Record<AgendaKind, number> = {
  meeting: 0,
  meeting_outcome: 1,
  confirm_meeting: 2,
  thank_you: 3,
  follow_up: 4,
  second_contact: 5,
  report_back: 6,
  task: 7,
  keep_in_touch: 8,
  reconnect: 9,
};

/**
 * Everything due or overdue today, computed from stored facts. An item stays until it is done,
 * snoozed or dismissed; those answers are remembered by the item's key.
 */
export async function todayAgenda(
  ctx: Ctx,
): Promise<{ today: string; timeZone: string; items: AgendaItem[] }> {
  const settings = await getSettings(ctx);
  const now = ctx.now();
  const clock: Clock = {
    now,
    today: localDate(now, settings.timeZone),
    cal: { timeZone: settings.timeZone, holidays: settings.holidays },
    settings,
  };
  const groups = await Promise.all([
    meetingItems(ctx, clock),
    thankYous(ctx, clock),
    followUps(ctx, clock),
    taskItems(ctx, clock),
    keepInTouchItems(ctx, clock),
    reconnectItem(ctx, clock),
  ]);
  const all: AgendaItem[] = groups.flat().map((i) => ({ answers: [], people: [], ...i }));
  const keys = all.map((i) => i.key);
  const states = keys.length
    ? await ctx.db
        .select()
        .from(reminderStates)
        // One array parameter rather than one parameter per key: hundreds of keys are common.
        .where(
          and(
            eq(reminderStates.workspaceId, ctx.workspaceId),
            sql`${reminderStates.ruleKey} = any(${sql.param(keys)}::text[])`,
          ),
        )
    : [];
  const hidden = new Set(
    states
      .filter((s) => s.state !== 'snoozed' || (s.snoozedUntil && s.snoozedUntil > now))
      .map((s) => s.ruleKey),
  );
  const items = all
    .filter((i) => !hidden.has(i.key))
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.dueDate.localeCompare(b.dueDate));
  return { today: clock.today, timeZone: settings.timeZone, items };
}
