import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  conversationParticipants,
  conversations,
  meetings,
  messages,
  people,
  reminderStates,
} from '../../db/schema.js';
import { THANK_YOU_WITHIN_HOURS } from '../../domain/after-meeting.js';
import { addCalendarDays, localDate } from '../../domain/business-days.js';
import { notFound } from '../../domain/errors.js';
import type { FollowUpItem } from '../../domain/follow-up.js';
import { meetingEnd } from '../../domain/meeting-rules.js';
import type { Ctx } from '../context.js';
import { getSettings } from '../settings/settings.js';
import { followUps, waitingRequests } from './agenda-follow-ups.js';
import {
  AGENDA_GROUPS,
  type AgendaClock,
  type AgendaDraft,
  type AgendaGroup,
  type AgendaItem,
  type AgendaKind,
  UPCOMING_DAYS,
} from './agenda-item.js';
import { keepInTouchGroups, reconnectItem } from './agenda-keep-in-touch.js';
import { meetingItems } from './agenda-meetings.js';
import { replyAnswerItems } from './agenda-replies.js';
import { taskGroups } from './agenda-tasks.js';

export type { AgendaGroup, AgendaItem, AgendaKind } from './agenda-item.js';
export { AGENDA_GROUPS, AGENDA_KINDS, UPCOMING_DAYS } from './agenda-item.js';

/**
 * How many items of one group Today shows at first. Hundreds of overdue follow-ups are not a list
 * anyone works through at a glance; the first ones are the most overdue, and the rest come on asking.
 */
export const AGENDA_GROUP_CAP = 50;

export interface Agenda {
  today: string;
  timeZone: string;
  items: AgendaItem[];
  upcoming: AgendaItem[];
  /** How many items each group holds in all, whether or not all of them are in this answer. */
  totals: Partial<Record<AgendaGroup, number>>;
  /** How many of the due items are overdue, in all. */
  overdue: number;
}

export interface AgendaOptions {
  /** At most this many items of each group; every item when left out. */
  cap?: number;
  /** Groups given in full despite the cap. */
  full?: readonly AgendaGroup[];
}

type Clock = AgendaClock;

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
        // The meetings of the held conversations, read by conversation rather than by scanning all.
        sql`${meetings.conversationId} = any(array(select c.id from ${conversations} c
          where c.workspace_id = ${ctx.workspaceId} and c.status = 'held'))`,
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

const ORDER: Record<AgendaKind, number> = {
  meeting: 0,
  meeting_outcome: 1,
  reply_answer: 1.5,
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
 * Two local dates ('YYYY-MM-DD') in calendar order. Their characters compare as the dates do, so
 * no collation is needed: localeCompare asked ICU for each of the thousands of comparisons.
 */
function byDay(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The kinds whose items come counted and cut from the database rather than counted here. */
const COUNTED_IN_SQL = new Set<AgendaKind>(['keep_in_touch', 'task', 'report_back']);

/** The agenda's clock: now, today and the end of the coming week, in the user's zone. */
async function agendaClock(ctx: Ctx): Promise<Clock> {
  const settings = await getSettings(ctx);
  const now = ctx.now();
  const today = localDate(now, settings.timeZone);
  return {
    now,
    today,
    horizon: addCalendarDays(today, UPCOMING_DAYS),
    cal: { timeZone: settings.timeZone, holidays: settings.holidays },
    settings,
  };
}

/**
 * Whether an item waits for later in the week rather than today. A thank-you is written now, though
 * its deadline may be tomorrow; tomorrow's meetings stay with what is due, as before: the day
 * before is when one prepares.
 */
function isUpcoming(item: AgendaDraft, clock: Clock): boolean {
  if (item.dueDate <= clock.today || item.kind === 'thank_you') return false;
  return item.kind !== 'meeting' || item.dueDate > addCalendarDays(clock.today, 1);
}

/**
 * Everything due or overdue today, and what falls due in the week after (`upcoming`: follow-ups,
 * second contacts, meetings and their confirmations, tasks, keep-in-touch), computed from stored
 * facts by the same rules. An item stays until it is done, snoozed or dismissed; those answers are
 * remembered by the item's key.
 */
export async function todayAgenda(ctx: Ctx, opts: AgendaOptions = {}): Promise<Agenda> {
  const clock = await agendaClock(ctx);
  const { now } = clock;
  const full = opts.full ?? [];
  const [keepInTouch, tasks, ...groups] = await Promise.all([
    // The groups that grow with use come counted and cut, their answers applied.
    keepInTouchGroups(ctx, clock, {
      cap: opts.cap,
      fullDue: full.includes('keep_in_touch'),
      fullUpcoming: full.includes('upcoming'),
    }),
    taskGroups(ctx, clock, opts),
    meetingItems(ctx, clock),
    thankYous(ctx, clock),
    replyAnswerItems(ctx, clock),
    followUps(ctx, clock),
    reconnectItem(ctx, clock),
  ]);
  const all: AgendaItem[] = groups.flat().map(withDefaults);
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
  const shown = all.filter((i) => !hidden.has(i.key));
  // Counted groups come in their order already (by day); a stable sort keeps it.
  const items = [
    ...shown.filter((i) => !isUpcoming(i, clock)),
    ...tasks.due.map(withDefaults),
    ...keepInTouch.due.map(withDefaults),
  ].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || byDay(a.dueDate, b.dueDate));
  // The week ahead reads by day; within a day, in the usual order.
  const upcoming = [
    ...shown.filter((i) => isUpcoming(i, clock)),
    ...tasks.upcoming.map(withDefaults),
    ...keepInTouch.upcoming.map(withDefaults),
  ].sort((a, b) => byDay(a.dueDate, b.dueDate) || ORDER[a.kind] - ORDER[b.kind]);
  const counts = new Map<AgendaGroup, number>([
    ['keep_in_touch', keepInTouch.totals.due],
    ['task', tasks.totals.task],
    ['report_back', tasks.totals.report_back],
    [
      'upcoming',
      upcoming.length -
        keepInTouch.upcoming.length -
        tasks.upcoming.length +
        keepInTouch.totals.upcoming +
        tasks.totals.upcoming,
    ],
  ]);
  let overdue = keepInTouch.totals.overdue + tasks.totals.overdue;
  for (const i of items) {
    if (COUNTED_IN_SQL.has(i.kind)) continue;
    counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
    if (i.overdue) overdue++;
  }
  const totals: Partial<Record<AgendaGroup, number>> = {};
  for (const g of AGENDA_GROUPS) if (counts.get(g)) totals[g] = counts.get(g);
  return {
    today: clock.today,
    timeZone: clock.cal.timeZone,
    ...capGroups(items, upcoming, opts),
    totals,
    overdue,
  };
}

function withDefaults(i: AgendaDraft): AgendaItem {
  return { answers: [], people: [], organizationId: null, ...i };
}

/** The first `cap` items of each group (the groups named in `full` whole), in the same order. */
function capGroups(items: AgendaItem[], upcoming: AgendaItem[], opts: AgendaOptions) {
  const { cap, full = [] } = opts;
  if (cap === undefined) return { items, upcoming };
  const taken = new Map<AgendaKind, number>();
  const capped = items.filter((i) => {
    if (full.includes(i.kind)) return true;
    const n = (taken.get(i.kind) ?? 0) + 1;
    taken.set(i.kind, n);
    return n <= cap;
  });
  return { items: capped, upcoming: full.includes('upcoming') ? upcoming : upcoming.slice(0, cap) };
}

/** One waiting request's open 3B7 steps, each with the local date it falls due and whether it has. */
export interface FollowUpStep {
  kind: FollowUpItem['kind'];
  dueDate: string;
  due: boolean;
}

/**
 * When a conversation waiting for a reply should see its second contact and its follow-up, by the
 * same rule and the same facts as Today's items: empty once it is not waiting any more.
 */
export async function conversationFollowUps(
  ctx: Ctx & { conversationId: string },
): Promise<{ today: string; timeZone: string; steps: FollowUpStep[] }> {
  const clock = await agendaClock(ctx);
  const [request] = await waitingRequests(ctx, clock, [ctx.conversationId]);
  if (!request) {
    const [exists] = await ctx.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, ctx.conversationId), eq(conversations.workspaceId, ctx.workspaceId)));
    if (!exists) throw notFound('conversation', ctx.conversationId);
  }
  const steps = (request?.steps ?? []).map((s) => ({
    kind: s.kind,
    dueDate: s.dueDate,
    due: s.dueDate <= clock.today,
  }));
  return { today: clock.today, timeZone: clock.cal.timeZone, steps };
}
