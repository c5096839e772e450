import { and, eq, sql } from 'drizzle-orm';
import { conversationParticipants, people, reminderStates } from '../../db/schema.js';
import { joinNames } from '../../domain/meeting-reminders.js';
import { keepInTouchDue, RECONNECT_PEOPLE, reconnectPeriod } from '../../domain/relationship.js';
import { type Ctx, jsonRows } from '../context.js';
import { type AgendaClock, type AgendaDraft, UPCOMING_DAYS } from './agenda-item.js';

/** How many of the quietest contacts are looked at before checking who is in a conversation. */
const RECONNECT_CANDIDATES = 50;

const last = sql`coalesce(${people.lastInteractionAt}, ${people.createdAt})`;

/** One reminder shown, with its groups' counts; the reminder's columns are null in a row of counts alone. */
interface KeepInTouchRow {
  id: string | null;
  full_name: string;
  channel: string | null;
  due: string;
  upcoming: boolean;
  due_total: number;
  upcoming_total: number;
  overdue: number;
}

/** Keep-in-touch reminders as Today shows them: the due ones and the coming week's, each group counted. */
export interface KeepInTouchGroups {
  /** Due today or overdue, the longest waiting first; at most `cap` unless given whole. */
  due: AgendaDraft[];
  /** Due in the coming week, by day; at most `cap` unless given whole. */
  upcoming: AgendaDraft[];
  totals: { due: number; upcoming: number; overdue: number };
}

/**
 * Keep-in-touch reminders: people with a rhythm set by hand, people who said yes, and people the
 * user met in a held conversation (on the workspace's default rhythm); never those who said no.
 * Snoozed and dismissed reminders are left out here.
 *
 * This is the one group that grows with the network (800 due and 900 coming up at 50,000 people),
 * so the due date, the key, the answers and the counts are all worked out in the database, and
 * only the first `cap` of each group come back. The due date is `keepInTouchDue`'s rule in SQL:
 * the local date of the last interaction plus the rhythm, in calendar days.
 */
export async function keepInTouchGroups(
  ctx: Ctx,
  clock: AgendaClock,
  opts: { cap?: number; fullDue?: boolean; fullUpcoming?: boolean } = {},
): Promise<KeepInTouchGroups> {
  const defaultDays = clock.settings.keepInTouchDefaultDays;
  // The rule refuses a default that is not a whole number of days, and so does this group.
  keepInTouchDue(
    { permission: 'yes', everyDays: null, lastInteraction: clock.today, met: false },
    defaultDays,
  );
  // Due today or in the coming week: "Coming up" shows the latter.
  const until = new Date(clock.now.getTime() + UPCOMING_DAYS * 86_400_000).toISOString();
  // Three small reads, each from a small set: two partial indexes on people, and the held
  // conversations. Each narrows with a day of slack for time zones; the due date then decides.
  const dueOnDefault = sql`${last} <= ${until}::timestamptz - make_interval(days => ${defaultDays - 1})`;
  const columns = sql`${people.id} as id, ${people.fullName} as full_name, ${people.preferredChannel} as channel, ${last} as last`;
  const onDefault = sql`select ${columns}, ${defaultDays}::int as every from ${people}
    where ${people.workspaceId} = ${ctx.workspaceId}
      and ${people.keepInTouch} = 'yes' and ${people.keepInTouchEveryDays} is null and ${dueOnDefault}`;
  const onOwn = sql`select ${columns}, ${people.keepInTouchEveryDays} as every from ${people}
    where ${people.workspaceId} = ${ctx.workspaceId}
      and ${people.keepInTouchEveryDays} is not null and ${people.keepInTouch} <> 'no'
      and ${last} + make_interval(days => ${people.keepInTouchEveryDays} - 1) <= ${until}::timestamptz`;
  // Met and never asked: the default rhythm. Who has been met is kept on the person (people.met,
  // by the database's triggers), so this is an index range like the first set's.
  const met = sql`select ${columns}, ${defaultDays}::int as every from ${people}
    where ${people.workspaceId} = ${ctx.workspaceId}
      and ${people.keepInTouch} = 'unknown' and ${people.keepInTouchEveryDays} is null and ${people.met}
      and ${dueOnDefault}`;
  const { today, horizon, now } = clock;
  const capDue = opts.cap === undefined || opts.fullDue ? null : opts.cap;
  const capUpcoming = opts.cap === undefined || opts.fullUpcoming ? null : opts.cap;
  // The three sets do not overlap (yes, a rhythm of one's own, unknown), so nobody comes twice.
  // The reminders shown are worked out once (materialized): they are counted, and each group's
  // first `cap` are taken by a bounded sort, rather than ranking all of them with window
  // functions. Within a day, by name then id: an order that does not depend on how the rows were
  // read. The answered keys are hashed once (not in): a correlated "not exists" rescanned the
  // answers for each of the 1,400 reminders of a large network. The counts come in every row,
  // and in a row of their own when no reminder is asked for.
  const limited = (
    upcoming: boolean,
    cap: number | null,
  ) => sql`(select s.id, s.full_name, s.channel, s.due, s.upcoming
    from shown s where s.upcoming = ${upcoming} order by s.due, s.full_name, s.id limit ${cap}::int)`;
  const rows = await jsonRows<KeepInTouchRow>(
    ctx,
    sql`with shown as materialized (
      select c.id, c.full_name, c.channel, c.due, c.due > ${today} as upcoming
      from (select c.*, to_char(((c.last at time zone ${clock.cal.timeZone})::date + c.every)::timestamp, 'YYYY-MM-DD') as due
        from (${onDefault} union all ${onOwn} union all ${met}) c) c
      where c.due <= ${horizon}
        and 'keep_in_touch:' || c.id || ':' || c.due not in (select r.rule_key from ${reminderStates} r
          where r.workspace_id = ${ctx.workspaceId}
            and (r.state <> 'snoozed' or r.snoozed_until > ${now.toISOString()}::timestamptz))
    ), counts as (
      select (count(*) filter (where not s.upcoming))::int as due_total,
        (count(*) filter (where s.upcoming))::int as upcoming_total,
        (count(*) filter (where s.due < ${today}))::int as overdue
      from shown s
    )
    select x.id, x.full_name, x.channel, x.due, x.upcoming, k.due_total, k.upcoming_total, k.overdue
    from counts k left join lateral (${limited(false, capDue)} union all ${limited(true, capUpcoming)}) x on true`,
    sql`x.upcoming, x.due, x.full_name, x.id`,
  );
  const groups: KeepInTouchGroups = { due: [], upcoming: [], totals: { due: 0, upcoming: 0, overdue: 0 } };
  for (const r of rows) {
    groups.totals = { due: r.due_total, upcoming: r.upcoming_total, overdue: r.overdue };
    if (r.id === null) continue;
    (r.upcoming ? groups.upcoming : groups.due).push({
      key: `keep_in_touch:${r.id}:${r.due}`,
      kind: 'keep_in_touch',
      title: `Keep in touch with ${r.full_name}`,
      detail: r.channel ? `They prefer ${r.channel}.` : 'Share news, an article, or how their advice helped.',
      dueDate: r.due,
      dueAt: null,
      overdue: r.due < today,
      personId: r.id,
      conversationId: null,
      taskId: null,
    });
  }
  return groups;
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
