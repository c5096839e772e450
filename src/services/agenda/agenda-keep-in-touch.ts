import { and, eq, sql } from 'drizzle-orm';
import { conversationParticipants, conversations, people, reminderStates } from '../../db/schema.js';
import { localDate } from '../../domain/business-days.js';
import { joinNames, MET_STATUSES } from '../../domain/meeting-reminders.js';
import { keepInTouchDue, RECONNECT_PEOPLE, reconnectPeriod } from '../../domain/relationship.js';
import type { Ctx } from '../context.js';
import { type AgendaClock, type AgendaDraft, UPCOMING_DAYS } from './agenda-item.js';

/** How many of the quietest contacts are looked at before checking who is in a conversation. */
const RECONNECT_CANDIDATES = 50;

const last = sql`coalesce(${people.lastInteractionAt}, ${people.createdAt})`;
const fields = {
  id: people.id,
  fullName: people.fullName,
  keepInTouch: people.keepInTouch,
  everyDays: people.keepInTouchEveryDays,
  preferredChannel: people.preferredChannel,
  last: sql<string>`${last}`,
};

/**
 * Keep-in-touch reminders: people with a rhythm set by hand, people who said yes, and people the
 * user met in a held conversation (on the workspace's default rhythm); never those who said no.
 */
export async function keepInTouchItems(ctx: Ctx, clock: AgendaClock): Promise<AgendaDraft[]> {
  // Due today or in the coming week: "Coming up" shows the latter.
  const until = new Date(clock.now.getTime() + UPCOMING_DAYS * 86_400_000).toISOString();
  const defaultDays = clock.settings.keepInTouchDefaultDays;
  // Three small reads, each from a small set: two partial indexes on people, and the held
  // conversations. The SQL narrows with a day of slack for time zones; the domain rule then
  // decides the exact local due date.
  const dueOnDefault = sql`${last} <= ${until}::timestamptz - make_interval(days => ${defaultDays - 1})`;
  const onDefault = await ctx.db
    .select(fields)
    .from(people)
    .where(
      and(
        eq(people.workspaceId, ctx.workspaceId),
        sql`${people.keepInTouch} = 'yes' and ${people.keepInTouchEveryDays} is null`,
        dueOnDefault,
      ),
    );
  const onOwn = await ctx.db
    .select(fields)
    .from(people)
    .where(
      and(
        eq(people.workspaceId, ctx.workspaceId),
        sql`${people.keepInTouchEveryDays} is not null and ${people.keepInTouch} <> 'no'`,
        sql`${last} + make_interval(days => ${people.keepInTouchEveryDays} - 1) <= ${until}::timestamptz`,
      ),
    );
  // Met and never asked: the default rhythm. The people come from the held conversations, which
  // are few, and are then read by primary key rather than by scanning everyone.
  const met = await ctx.db
    .select(fields)
    .from(people)
    .where(
      and(
        eq(people.workspaceId, ctx.workspaceId),
        sql`${people.id} = any(array(select cp.person_id from ${conversations} c
          join ${conversationParticipants} cp on cp.conversation_id = c.id
          where c.workspace_id = ${ctx.workspaceId} and c.status in ${MET_STATUSES}))`,
        sql`${people.keepInTouch} = 'unknown' and ${people.keepInTouchEveryDays} is null`,
        dueOnDefault,
      ),
    );
  const items: AgendaDraft[] = [];
  for (const r of [...onDefault, ...onOwn, ...met.map((m) => ({ ...m, met: true }))]) {
    const due = keepInTouchDue(
      {
        permission: r.keepInTouch,
        everyDays: r.everyDays,
        lastInteraction: localDate(new Date(r.last), clock.cal.timeZone),
        met: 'met' in r,
      },
      defaultDays,
    );
    if (!due || due > clock.horizon) continue;
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

/**
 * At most one "reconnect with a few people" suggestion a month, naming the few contacts quiet the
 * longest among those never met and never asked (typically an imported network). Hundreds of old
 * connections must not each become a reminder; a handful at a time is something one can act on.
 */
export async function reconnectItem(ctx: Ctx, clock: AgendaClock): Promise<AgendaDraft[]> {
  const key = `reconnect:${reconnectPeriod(clock.today)}`;
  // Answered this month: no need to look for people at all.
  const [answered] = await ctx.db
    .select({ state: reminderStates.state })
    .from(reminderStates)
    .where(
      and(
        eq(reminderStates.workspaceId, ctx.workspaceId),
        eq(reminderStates.ruleKey, key),
        sql`${reminderStates.state} <> 'snoozed'`,
      ),
    );
  if (answered) return [];
  // Written with immutable casts only, so an expression index can serve this order one day.
  const quietSince = sql`coalesce(${people.lastInteractionAt}, ${people.connectedOn}::timestamp at time zone 'UTC', ${people.createdAt})`;
  const quiet = and(
    eq(people.workspaceId, ctx.workspaceId),
    sql`${people.keepInTouch} = 'unknown' and ${people.keepInTouchEveryDays} is null`,
    sql`${quietSince} <= ${clock.now.toISOString()}::timestamptz - make_interval(days => ${clock.settings.keepInTouchDefaultDays})`,
  );
  // Anyone in a conversation is followed there (requests, meetings, keeping in touch). Such people
  // have been in touch lately, so they are rarely among the quietest: the check runs on a few dozen
  // candidates, and on everyone only when those were not enough.
  const notInConversation = sql`not exists (select 1 from ${conversationParticipants} cp where cp.person_id = "candidates"."id")`;
  const pick = async (candidates: number | null) => {
    const base = ctx.db
      .select({ id: people.id, fullName: people.fullName, quiet: sql<string>`${quietSince}`.as('quiet') })
      .from(people)
      .where(quiet)
      .orderBy(quietSince, people.id);
    const sub = (candidates === null ? base : base.limit(candidates)).as('candidates');
    return ctx.db
      .select({ id: sub.id, fullName: sub.fullName })
      .from(sub)
      .where(notInConversation)
      .orderBy(sub.quiet, sub.id)
      .limit(RECONNECT_PEOPLE);
  };
  let rows = await pick(RECONNECT_CANDIDATES);
  if (rows.length < RECONNECT_PEOPLE) rows = await pick(null);
  if (!rows.length) return [];
  return [
    {
      key,
      kind: 'reconnect',
      title: 'Reconnect with a few people',
      detail: `${joinNames(rows.map((r) => r.fullName))} ${rows.length === 1 ? 'has' : 'have'} not heard from you in a long time. A short hello keeps your network warm. A new suggestion comes next month.`,
      dueDate: clock.today,
      dueAt: null,
      overdue: false,
      personId: null,
      conversationId: null,
      taskId: null,
      people: rows,
    },
  ];
}
