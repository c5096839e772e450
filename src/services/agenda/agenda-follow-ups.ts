import { sql } from 'drizzle-orm';
import { conversationParticipants, conversations, messages } from '../../db/schema.js';
import { type FollowUpItem, type FollowUpRules, followUpItems } from '../../domain/follow-up.js';
import { type Ctx, jsonRows } from '../context.js';
import type { WorkspaceSettings } from '../settings/settings.js';
import type { AgendaClock, AgendaDraft } from './agenda-item.js';

/** The 3B7 waits the user set in Settings. */
function rulesOf(settings: WorkspaceSettings): FollowUpRules {
  return {
    secondContactAfter: settings.secondContactAfterBusinessDays,
    followUpAfter: settings.followUpAfterBusinessDays,
  };
}

/** A waiting request's row, as JSON: times as ISO text. */
interface WaitingRow {
  id: string;
  title: string;
  organizationId: string | null;
  requestedAt: string | null;
  statusChangedAt: string;
  followUpSentAt: string | null;
  replyAt: string | null;
  secondAt: string | null;
  personId: string | null;
}

/** A request still waiting for an answer, with the follow-up steps still open and their due dates. */
export interface WaitingRequest {
  id: string;
  title: string;
  personId: string | null;
  organizationId: string | null;
  steps: FollowUpItem[];
}

/**
 * Requests still waiting (all of them, or those of `conversationIds`), each with its open 3B7 steps
 * due or not: Today takes the due ones, "Coming up" the next week's, and a conversation shows its
 * own dates. One statement whatever the number of requests.
 */
export async function waitingRequests(
  ctx: Ctx,
  clock: Pick<AgendaClock, 'cal' | 'settings'>,
  conversationIds?: string[],
): Promise<WaitingRequest[]> {
  // Requests still waiting, with what happened since each went out: a reply, the one follow-up,
  // and the first later request to someone else at the same organization (the "second person").
  // Read as one JSON text (jsonRows): a few hundred rows decoded field by field cost more than
  // the statement.
  const rows = await jsonRows<WaitingRow>(
    ctx,
    sql`select c.id, c.title, c.organization_id as "organizationId", c.requested_at as "requestedAt",
        c.status_changed_at as "statusChangedAt", m.follow_up_at as "followUpSentAt", m.reply_at as "replyAt",
        (select min(o.requested_at) from ${conversations} o
          where o.organization_id = c.organization_id and o.id <> c.id and o.workspace_id = c.workspace_id
            and o.requested_at > coalesce(c.requested_at, c.status_changed_at)) as "secondAt",
        (select cp.person_id from ${conversationParticipants} cp
          where cp.conversation_id = c.id order by cp.position limit 1) as "personId"
      from ${conversations} c
      left join lateral (select
          min(mm.at) filter (where mm.direction = 'out' and mm.purpose = 'follow_up') as follow_up_at,
          min(mm.at) filter (where mm.direction = 'in') as reply_at
        from ${messages} mm
        where mm.conversation_id = c.id and mm.at >= coalesce(c.requested_at, c.status_changed_at)) m on true
      where c.workspace_id = ${ctx.workspaceId} and c.status = 'requested'
        ${conversationIds ? sql`and c.id = any(${sql.param(conversationIds)}::uuid[])` : sql``}`,
  );
  const time = (iso: string | null) => (iso === null ? null : new Date(iso));
  return rows.map((r) => {
    const requestedAt = time(r.requestedAt) ?? new Date(r.statusChangedAt);
    const steps = followUpItems(
      {
        conversationId: r.id,
        requestedAt,
        replyAt: time(r.replyAt),
        followUpSentAt: time(r.followUpSentAt),
        // Without an organization there is no "second person there" to suggest.
        secondContactAt: time(r.secondAt) ?? (r.organizationId ? null : requestedAt),
      },
      clock.cal,
      rulesOf(clock.settings),
    );
    return { id: r.id, title: r.title, personId: r.personId, organizationId: r.organizationId, steps };
  });
}

/** The 3B7 items of Today and of the week ahead: every open step due on or before the horizon. */
export async function followUps(ctx: Ctx, clock: AgendaClock): Promise<AgendaDraft[]> {
  const items: AgendaDraft[] = [];
  for (const r of await waitingRequests(ctx, clock)) {
    for (const f of r.steps) {
      if (f.dueDate > clock.horizon) continue;
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
        organizationId: f.kind === 'second_contact' ? r.organizationId : null,
      });
    }
  }
  return items;
}
