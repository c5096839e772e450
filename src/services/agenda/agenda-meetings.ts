import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { conversationParticipants, conversations, meetings, people } from '../../db/schema.js';
import { addCalendarDays, localDate, startOfLocalDay } from '../../domain/business-days.js';
import {
  confirmMeetingOn,
  joinNames,
  lastDayToConfirm,
  MEETING_OUTCOMES,
  outcomeIsDue,
} from '../../domain/meeting-reminders.js';
import { meetingEnd } from '../../domain/meeting-rules.js';
import { MEDIUM_LABELS } from '../../domain/vocab.js';
import type { Ctx } from '../context.js';
import type { AgendaClock, AgendaDraft } from './agenda-item.js';

// Made once: a new formatter for each of hundreds of meetings cost more than the meetings' query.
const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' });
const whenFormats = new Map<string, Intl.DateTimeFormat>();

function dayName(date: string): string {
  return weekday.format(new Date(`${date}T12:00:00Z`));
}

function whenText(instant: Date, timeZone: string): string {
  let format = whenFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    whenFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/**
 * The agenda items of scheduled meetings: the meetings of the coming week (today's and
 * tomorrow's with what is due, later ones as coming up), the reminder to confirm one on the
 * business day before it, and — once a meeting is over — the question whether it
 * happened. That question stays until it is answered (held, moved or cancelled), because nothing
 * that follows a meeting is suggested before the user says it was held.
 */
export async function meetingItems(ctx: Ctx, clock: AgendaClock): Promise<AgendaDraft[]> {
  const tomorrow = addCalendarDays(clock.today, 1);
  const lastConfirm = lastDayToConfirm(clock.today, clock.cal);
  const lastDay = [lastConfirm, tomorrow, clock.horizon].reduce((a, b) => (a > b ? a : b));
  const to = startOfLocalDay(addCalendarDays(lastDay, 1), clock.cal.timeZone);
  // Every meeting still marked scheduled up to the end of that day, however long ago it started:
  // a past one is a question waiting for an answer. Scheduled conversations are few.
  // Only the columns the items use: the preparation answers can be long, and only whether the
  // meeting was confirmed is read from them.
  const rows = await ctx.db
    .select({
      m: {
        id: meetings.id,
        conversationId: meetings.conversationId,
        startsAt: meetings.startsAt,
        durationMinutes: meetings.durationMinutes,
        medium: meetings.medium,
        place: meetings.place,
      },
      confirmed: sql<unknown>`${meetings.prep} -> 'confirmed'`,
      title: conversations.title,
      people: sql<{ id: string; fullName: string }[]>`coalesce((
        select json_agg(json_build_object('id', p.id, 'fullName', p.full_name) order by cp.position)
        from ${conversationParticipants} cp join ${people} p on p.id = cp.person_id
        where cp.conversation_id = "meetings"."conversation_id"), '[]'::json)`,
    })
    .from(meetings)
    .innerJoin(conversations, eq(conversations.id, meetings.conversationId))
    .where(
      and(
        eq(meetings.workspaceId, ctx.workspaceId),
        // The meetings of the few scheduled conversations, read by conversation: the planner
        // otherwise scans every meeting ever held (3,000 at 50,000 people) to find them.
        sql`${meetings.conversationId} = any(array(select c.id from ${conversations} c
          where c.workspace_id = ${ctx.workspaceId} and c.status = 'scheduled'))`,
        isNull(meetings.cancelledAt),
        lt(meetings.startsAt, to),
        eq(conversations.status, 'scheduled'),
      ),
    );
  const items: AgendaDraft[] = [];
  for (const { m, confirmed, title, people: who } of rows) {
    const day = localDate(m.startsAt, clock.cal.timeZone);
    const occurrence = `${m.id}:${m.startsAt.toISOString()}`;
    if (outcomeIsDue(m, clock.now)) {
      const end = meetingEnd(m.startsAt, m.durationMinutes);
      const endDay = localDate(end, clock.cal.timeZone);
      items.push({
        // Named by conversation and start, so a meeting moved to a new time asks again after it.
        key: `meeting_outcome:${m.conversationId}:${m.startsAt.toISOString()}`,
        kind: 'meeting_outcome',
        title: `Did your meeting with ${joinNames(who.map((p) => p.fullName))} happen?`,
        detail: `${title}, planned for ${whenText(m.startsAt, clock.cal.timeZone)}. Held brings up the thank-you notes; Moved takes the new time; Cancelled closes it.`,
        dueDate: endDay,
        dueAt: end,
        overdue: endDay < clock.today,
        personId: who[0]?.id ?? null,
        conversationId: m.conversationId,
        taskId: null,
        answers: [...MEETING_OUTCOMES],
        people: who,
      });
      continue;
    }
    if (day >= clock.today && day <= clock.horizon) {
      items.push({
        key: `meeting:${occurrence}`,
        kind: 'meeting',
        title: `${day === clock.today ? 'Today' : day === tomorrow ? 'Tomorrow' : dayName(day)}: ${title}`,
        detail: `${m.durationMinutes} minutes, ${MEDIUM_LABELS[m.medium]}${m.place ? ` — ${m.place}` : ''}`,
        dueDate: day,
        dueAt: m.startsAt,
        overdue: false,
        personId: null,
        conversationId: m.conversationId,
        taskId: null,
      });
    }
    const confirmOn = confirmMeetingOn(m.startsAt, clock.cal);
    if (day > clock.today && confirmOn <= clock.horizon && !confirmed) {
      items.push({
        key: `confirm_meeting:${occurrence}`,
        kind: 'confirm_meeting',
        title: `Confirm ${day === tomorrow ? 'tomorrow' : dayName(day)}'s meeting: ${title}`,
        detail: 'A short note the business day before avoids no-shows and shows you value their time.',
        dueDate: confirmOn,
        dueAt: null,
        overdue: confirmOn < clock.today,
        personId: null,
        conversationId: m.conversationId,
        taskId: null,
      });
    }
  }
  return items;
}
