import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import {
  conversationParticipants,
  conversationStatusHistory,
  conversations,
  meetings,
  messages,
  people,
  reminderStates,
  tasks,
} from '../db/schema.js';
import { keepInTouchDueDate, THANK_YOU_WITHIN_HOURS } from '../domain/after-meeting.js';
import {
  addCalendarDays,
  type BusinessCalendar,
  localDate,
  startOfLocalDay,
} from '../domain/business-days.js';
import { followUpItems, type RequestFacts } from '../domain/follow-up.js';
import { meetingEnd } from '../domain/meeting-rules.js';
import { MEDIUM_LABELS } from '../domain/vocab.js';
import type { Ctx } from './context.js';
import { getSettings, type WorkspaceSettings } from './settings.js';

export const AGENDA_KINDS = [
  'meeting',
  'confirm_meeting',
  'thank_you',
  'follow_up',
  'second_contact',
  'report_back',
  'task',
  'keep_in_touch',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export interface AgendaItem {
  /** Stable key of this occurrence; done, snooze and dismiss are remembered by it. */
  key: string;
  kind: AgendaKind;
  title: string;
  detail: string;
  /** Local date (user's zone) the item is due; meetings use their start. */
  dueDate: string;
  dueAt: Date | null;
  overdue: boolean;
  personId: string | null;
  conversationId: string | null;
  taskId: string | null;
}

interface Clock {
  now: Date;
  today: string;
  cal: BusinessCalendar;
  settings: WorkspaceSettings;
}

async function followUps(ctx: Ctx, clock: Clock): Promise<AgendaItem[]> {
  // Requests still waiting: when they went out, and whether a follow-up or reply came since.
  const rows = await ctx.db
    .select({
      id: conversations.id,
      title: conversations.title,
      organizationId: conversations.organizationId,
      requestedAt: sql<string>`(select max(h.at) from ${conversationStatusHistory} h
        where h.conversation_id = "conversations"."id" and h.to_status = 'requested')`,
      followUpSentAt: sql<string | null>`(select min(m.at) from ${messages} m
        where m.conversation_id = "conversations"."id" and m.direction = 'out' and m.purpose = 'follow_up')`,
      replyAt: sql<string | null>`(select min(m.at) from ${messages} m
        where m.conversation_id = "conversations"."id" and m.direction = 'in')`,
      personId: sql<string | null>`(select cp.person_id from ${conversationParticipants} cp
        where cp.conversation_id = "conversations"."id" order by cp.position limit 1)`,
    })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, ctx.workspaceId), eq(conversations.status, 'requested')));
  if (!rows.length) return [];
  // A second contact at the same organization is any other request made there later.
  const orgIds = [...new Set(rows.map((r) => r.organizationId).filter((x): x is string => !!x))];
  const others = orgIds.length
    ? await ctx.db
        .select({
          id: conversationStatusHistory.conversationId,
          orgId: conversations.organizationId,
          at: conversationStatusHistory.at,
        })
        .from(conversationStatusHistory)
        .innerJoin(conversations, eq(conversations.id, conversationStatusHistory.conversationId))
        .where(
          and(
            eq(conversations.workspaceId, ctx.workspaceId),
            inArray(conversations.organizationId, orgIds),
            eq(conversationStatusHistory.toStatus, 'requested'),
          ),
        )
    : [];
  const items: AgendaItem[] = [];
  for (const r of rows) {
    const requestedAt = new Date(r.requestedAt);
    const second = others
      .filter((o) => o.orgId === r.organizationId && o.id !== r.id && o.at > requestedAt)
      .map((o) => o.at)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const facts: RequestFacts = {
      conversationId: r.id,
      requestedAt,
      replyAt: r.replyAt ? new Date(r.replyAt) : null,
      followUpSentAt: r.followUpSentAt ? new Date(r.followUpSentAt) : null,
      secondContactAt: second ?? (r.organizationId ? null : requestedAt),
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

async function meetingItems(ctx: Ctx, clock: Clock): Promise<AgendaItem[]> {
  const from = startOfLocalDay(clock.today, clock.cal.timeZone);
  const to = startOfLocalDay(addCalendarDays(clock.today, 2), clock.cal.timeZone);
  const rows = await ctx.db
    .select({ m: meetings, title: conversations.title, status: conversations.status })
    .from(meetings)
    .innerJoin(conversations, eq(conversations.id, meetings.conversationId))
    .where(
      and(
        eq(meetings.workspaceId, ctx.workspaceId),
        isNull(meetings.cancelledAt),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, to),
        eq(conversations.status, 'scheduled'),
      ),
    );
  const items: AgendaItem[] = [];
  for (const { m, title } of rows) {
    const day = localDate(m.startsAt, clock.cal.timeZone);
    const prep = (m.prep ?? {}) as Record<string, unknown>;
    const occurrence = `${m.id}:${m.startsAt.toISOString()}`;
    items.push({
      key: `meeting:${occurrence}`,
      kind: 'meeting',
      title: `${day === clock.today ? 'Today' : 'Tomorrow'}: ${title}`,
      detail: `${m.durationMinutes} minutes, ${MEDIUM_LABELS[m.medium]}${m.place ? ` — ${m.place}` : ''}`,
      dueDate: day,
      dueAt: m.startsAt,
      overdue: false,
      personId: null,
      conversationId: m.conversationId,
      taskId: null,
    });
    if (day !== clock.today && !prep.confirmed) {
      items.push({
        key: `confirm_meeting:${occurrence}`,
        kind: 'confirm_meeting',
        title: `Confirm tomorrow's meeting: ${title}`,
        detail: 'A short note the day before avoids no-shows and shows you value their time.',
        dueDate: clock.today,
        dueAt: null,
        overdue: false,
        personId: null,
        conversationId: m.conversationId,
        taskId: null,
      });
    }
  }
  return items;
}

async function thankYous(ctx: Ctx, clock: Clock): Promise<AgendaItem[]> {
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

async function taskItems(ctx: Ctx, clock: Clock): Promise<AgendaItem[]> {
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

async function keepInTouch(ctx: Ctx, clock: Clock): Promise<AgendaItem[]> {
  const every = sql`coalesce(${people.keepInTouchEveryDays}, ${clock.settings.keepInTouchDefaultDays})`;
  // The SQL narrows to people whose interval has passed (with a day of slack for time zones);
  // the domain rule then decides the exact local due date.
  const rows = await ctx.db
    .select({
      id: people.id,
      fullName: people.fullName,
      keepInTouch: people.keepInTouch,
      everyDays: people.keepInTouchEveryDays,
      preferredChannel: people.preferredChannel,
      last: sql<string>`coalesce(${people.lastInteractionAt}, ${people.createdAt})`,
    })
    .from(people)
    .where(
      and(
        eq(people.workspaceId, ctx.workspaceId),
        or(eq(people.keepInTouch, 'yes'), isNotNull(people.keepInTouchEveryDays)),
        sql`coalesce(${people.lastInteractionAt}, ${people.createdAt}) + make_interval(days => ${every}::int - 1) <= ${clock.now.toISOString()}::timestamptz`,
      ),
    );
  const items: AgendaItem[] = [];
  for (const r of rows) {
    const due = keepInTouchDueDate(
      {
        permission: r.keepInTouch,
        everyDays: r.everyDays,
        lastInteraction: localDate(new Date(r.last), clock.cal.timeZone),
      },
      clock.settings.keepInTouchDefaultDays,
    );
    if (!due || due > clock.today) continue;
    items.push({
      key: `keep_in_touch:${r.id}:${due}`,
      kind: 'keep_in_touch',
      title: `Keep in touch with ${r.fullName}`,
      detail: r.preferredChannel
        ? `They prefer ${r.preferredChannel}.`
        : 'Share news, an article, or how their advice helped.',
      dueDate: due,
      dueAt: null,
      overdue: due < clock.today,
      personId: r.id,
      conversationId: null,
      taskId: null,
    });
  }
  return items;
}

const ORDER: Record<AgendaKind, number> = {
  meeting: 0,
  confirm_meeting: 1,
  thank_you: 2,
  follow_up: 3,
  second_contact: 4,
  report_back: 5,
  task: 6,
  keep_in_touch: 7,
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
    keepInTouch(ctx, clock),
  ]);
  const all = groups.flat();
  const keys = all.map((i) => i.key);
  const states = keys.length
    ? await ctx.db
        .select()
        .from(reminderStates)
        .where(and(eq(reminderStates.workspaceId, ctx.workspaceId), inArray(reminderStates.ruleKey, keys)))
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
