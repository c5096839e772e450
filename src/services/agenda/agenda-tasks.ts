import { sql } from 'drizzle-orm';
import { reminderStates, tasks } from '../../db/schema.js';
import { type Ctx, jsonRows } from '../context.js';
import type { AgendaClock, AgendaDraft } from './agenda-item.js';

interface TaskRow {
  id: string;
  item_kind: 'task' | 'report_back';
  title: string;
  due_on: string;
  person_id: string | null;
  conversation_id: string | null;
  upcoming: boolean;
  n: number;
  total: number;
  overdue: number;
}

/** Open tasks as Today shows them: the due ones of each kind and the coming week's, each counted. */
export interface TaskGroups {
  /** Due today or overdue, tasks and report-backs, each kind by day; at most `cap` of each unless given whole. */
  due: AgendaDraft[];
  /** Due in the coming week, by day (report-backs first within a day); at most `cap` unless given whole. */
  upcoming: AgendaDraft[];
  totals: { task: number; report_back: number; upcoming: number; overdue: number };
}

/**
 * Open tasks with a due date up to the end of the coming week, as Today's "Tasks" and "Report
 * back" groups and their part of "Coming up". Open tasks pile up when they are not done, so the
 * answers (snoozed, dismissed), the counts and the cut are worked out in the database, and only
 * the first `cap` of each group come back, in Today's order: by due date, then in the order the
 * tasks were made.
 */
export async function taskGroups(
  ctx: Ctx,
  clock: AgendaClock,
  opts: { cap?: number; full?: readonly string[] } = {},
): Promise<TaskGroups> {
  const full = opts.full ?? [];
  const capOf = (group: string) => (opts.cap === undefined || full.includes(group) ? null : opts.cap);
  const { today, horizon, now } = clock;
  // Due items are cut per kind, "Coming up" as one list; each group's first row comes back even
  // when none is asked for, to carry the group's counts.
  const rows = await jsonRows<TaskRow>(
    ctx,
    sql`with open as (
      select t.id, t.title, t.due_on, t.person_id, t.conversation_id, t.created_at,
        case when t.kind = 'report_back' then 'report_back' else 'task' end as item_kind,
        t.due_on > ${today}::date as upcoming
      from ${tasks} t
      where t.workspace_id = ${ctx.workspaceId} and t.done_at is null
        and t.due_on is not null and t.due_on <= ${horizon}::date
        and not exists (select 1 from ${reminderStates} r
          where r.workspace_id = ${ctx.workspaceId} and r.rule_key = 'task:' || t.id
            and (r.state <> 'snoozed' or r.snoozed_until > ${now.toISOString()}::timestamptz))
    ), grouped as (
      select o.*, case when o.upcoming then 'upcoming' else o.item_kind end as grp from open o
    ), counted as (
      select g.*,
        row_number() over (partition by g.grp
          order by g.due_on, g.item_kind = 'task', g.created_at, g.id)::int as n,
        count(*) over (partition by g.grp)::int as total,
        (count(*) filter (where g.due_on < ${today}::date) over ())::int as overdue,
        case g.grp when 'upcoming' then ${capOf('upcoming')}::int
          when 'task' then ${capOf('task')}::int else ${capOf('report_back')}::int end as cap
      from grouped g
    )
    select id, item_kind, title, to_char(due_on, 'YYYY-MM-DD') as due_on, person_id, conversation_id,
      upcoming, n, total, overdue
    from counted
    where cap is null or n <= greatest(cap, 1)`,
    sql`x.upcoming, x.item_kind, x.n`,
  );
  const groups: TaskGroups = {
    due: [],
    upcoming: [],
    totals: { task: 0, report_back: 0, upcoming: 0, overdue: 0 },
  };
  for (const r of rows) {
    const group = r.upcoming ? 'upcoming' : r.item_kind;
    groups.totals[group] = r.total;
    groups.totals.overdue = r.overdue;
    const cap = capOf(group);
    if (cap !== null && r.n > cap) continue;
    (r.upcoming ? groups.upcoming : groups.due).push({
      key: `task:${r.id}`,
      kind: r.item_kind,
      title: r.title,
      detail: r.item_kind === 'report_back' ? 'Tell them what you did with their advice or referral.' : '',
      dueDate: r.due_on,
      dueAt: null,
      overdue: r.due_on < today,
      personId: r.person_id,
      conversationId: r.conversation_id,
      taskId: r.id,
    });
  }
  return groups;
}
