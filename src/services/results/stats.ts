import { and, count, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { conversations, introductions, opportunities, workspaces } from '../../db/schema.js';
import type { BusinessCalendar } from '../../domain/business-days.js';
import { conversationsPerOffer, funnel, meetingsPerWeek, rateBy, weeksSince } from '../../domain/metrics.js';
import {
  DEFAULT_FAST_WITHIN_BUSINESS_DAYS,
  DEFAULT_GIVE_UP_AFTER_BUSINESS_DAYS,
  REPLY_BEHAVIOUR_LABELS,
  type ReplyBehaviour,
} from '../../domain/relationship.js';
import { businessDaysBetweenSql } from '../business-days-sql.js';
import type { Ctx } from '../context.js';
import { getSettings } from '../settings/settings.js';
import { latestCredits } from './credits.js';

/** How many people each reply-behaviour group names; the rest are counted. */
export const BEHAVIOUR_PEOPLE_SHOWN = 12;
/** At most this many weeks in the meetings-per-week chart (fewer while the workspace is new). */
const MEETING_WEEKS = 8;
/** How many introducers the reply-rate table lists, those with the most requests first. */
export const INTRODUCERS_SHOWN = 20;

interface RateRow {
  key: string;
  sent: number;
  replied: number;
}

interface RequestSummary {
  sent: number;
  replied: number;
  byChannel: RateRow[];
  byTemplate: RateRow[];
  warmVsCold: RateRow[];
  byIntroducer: RateRow[];
  medianDays: number | null;
  behaviour: { behaviour: ReplyBehaviour; total: number; people: { id: string; fullName: string }[] }[];
}

/**
 * Everything the dashboard says about requests, computed in one statement. Each conversation that
 * was ever requested is one fact: its latest request, the first answer to it, the person asked,
 * the message and template it went out with, and who introduced that person. The facts are
 * aggregated where they are, so only a few small rows come back: shipping one row per
 * conversation out of the embedded database cost more than the whole computation.
 *
 * Reply behaviour follows `replyBehaviour` in domain/relationship.ts rule for rule (a test
 * checks they agree): days are business days in the user's zone and holidays, a reply within
 * three of them is fast, a request unanswered for ten is a no, and at least half of the decided
 * requests answered fast makes a quick helper.
 */
async function requestSummary(ctx: Ctx, cal: BusinessCalendar): Promise<RequestSummary> {
  const ws = ctx.workspaceId;
  const now = ctx.now().toISOString();
  const fastWithin = DEFAULT_FAST_WITHIN_BUSINESS_DAYS;
  const giveUpAfter = DEFAULT_GIVE_UP_AFTER_BUSINESS_DAYS;
  const days = (to: SQL) =>
    businessDaysBetweenSql(sql`f.sent`, to, cal, Math.max(fastWithin + 1, giveUpAfter));
  const result = await ctx.db.execute(sql`
    with req as materialized (
      -- The latest request and the first answer to it (an answer to an earlier one does not count).
      select c.id, c.requested_at, c.replied_at from conversations c
      where c.workspace_id = ${ws} and c.requested_at is not null
    ), first_person as (
      select distinct on (cp.conversation_id) cp.conversation_id, cp.person_id
      from conversation_participants cp join req on req.id = cp.conversation_id
      order by cp.conversation_id, cp.position
    ), request_message as (
      select distinct on (m.conversation_id) m.conversation_id, m.channel, m.template_id
      from messages m
      where m.workspace_id = ${ws} and m.direction = 'out' and m.purpose = 'request'
      order by m.conversation_id, m.at
    ), first_introducer as (
      select distinct on (i.introduced_id) i.introduced_id, i.introducer_id
      from introductions i
      where i.workspace_id = ${ws} and i.introduced_id in (select person_id from first_person)
      order by i.introduced_id, i.created_at
    ), facts as materialized (
      select req.requested_at as sent, req.replied_at as replied, fp.person_id, rm.channel, rm.template_id,
        fi.introducer_id,
        (fi.introducer_id is not null
          or exists (select 1 from people p where p.id = fp.person_id and p.how_we_know is not null)) as warm
      from req
      left join first_person fp on fp.conversation_id = req.id
      left join request_message rm on rm.conversation_id = req.id
      left join first_introducer fi on fi.introduced_id = fp.person_id
    ), per_person as (
      select f.person_id, max(f.sent) as last_asked,
        count(*) filter (where f.replied <= ${now}::timestamptz) as answered,
        count(*) filter (where f.replied <= ${now}::timestamptz
          and ${days(sql`f.replied`)} <= ${fastWithin}::int) as fast,
        count(*) filter (where (f.replied is null or f.replied > ${now}::timestamptz)
          and ${days(sql`${now}::timestamptz`)} >= ${giveUpAfter}::int) as unanswered
      from facts f where f.person_id is not null
      group by f.person_id
    ), ranked as (
      select c.behaviour, c.person_id, c.last_asked,
        row_number() over (partition by c.behaviour order by c.last_asked desc, c.person_id) as n,
        count(*) over (partition by c.behaviour) as total
      from (select pp.person_id, pp.last_asked, case
          when pp.answered + pp.unanswered = 0 then 'unknown'
          when pp.answered = 0 then 'never'
          when pp.fast * 2 >= pp.answered + pp.unanswered then 'fast_helper'
          else 'slow' end as behaviour
        from per_person pp) c
    ), top_introducers as (
      select f.introducer_id, count(*) as sent, count(f.replied) as replied
      from facts f where f.introducer_id is not null
      group by f.introducer_id order by count(*) desc, f.introducer_id limit ${INTRODUCERS_SHOWN}
    )
    select json_build_object(
      'sent', (select count(*) from facts),
      'replied', (select count(replied) from facts),
      'byChannel', (select coalesce(json_agg(x), '[]') from (
        select coalesce(f.channel, 'not logged') as key, count(*) as sent, count(f.replied) as replied
        from facts f group by 1) x),
      'byTemplate', (select coalesce(json_agg(x), '[]') from (
        select coalesce(t.name, 'no template') as key, count(*) as sent, count(f.replied) as replied
        from facts f left join message_templates t on t.id = f.template_id group by 1) x),
      'warmVsCold', (select coalesce(json_agg(x), '[]') from (
        select case when f.warm then 'warm' else 'cold' end as key, count(*) as sent,
          count(f.replied) as replied
        from facts f group by 1) x),
      'byIntroducer', (select coalesce(json_agg(x), '[]') from (
        select ip.full_name as key, ti.sent, ti.replied
        from top_introducers ti join people ip on ip.id = ti.introducer_id) x),
      -- Reply speed only where the request itself was logged: conversations scheduled straight
      -- from an idea walk through "requested" and "accepted" in the same instant.
      'medianDays', (select percentile_cont(0.5) within group (
          order by extract(epoch from f.replied - f.sent) / 86400)
        from facts f where f.replied is not null and f.channel is not null),
      'behaviour', (select coalesce(json_agg(x), '[]') from (
        select r.behaviour, max(r.total) as total,
          json_agg(json_build_object('id', p.id, 'fullName', p.full_name) order by r.n) as people
        from ranked r join people p on p.id = r.person_id
        where r.n <= ${BEHAVIOUR_PEOPLE_SHOWN} group by r.behaviour) x)
    ) as summary`);
  const [row] = (result as unknown as { rows: { summary: RequestSummary | string }[] }).rows;
  const summary = row!.summary;
  // node-postgres parses json; PGlite may hand back the text.
  return typeof summary === 'string' ? (JSON.parse(summary) as RequestSummary) : summary;
}

/** Conversations that took place; only these count toward conversations per offer. */
const HELD_STATUSES = sql`('held', 'thanked', 'keeping_in_touch')`;

/**
 * Offers split into those a conversation produced and the rest. An offer is credited to
 * conversations when one of its sources is a conversation, or a person the user held a
 * conversation with, or a person reached down an introduction chain from such a person or through
 * an introduction made in a conversation (the same chains `creditsFor` walks in
 * services/opportunities.ts). An offer from a job board with no source, or from a person nobody's
 * conversation led to, is not.
 */
async function offerCredit(ctx: Ctx): Promise<{ credited: number; other: number }> {
  const ws = ctx.workspaceId;
  const result = await ctx.db.execute(sql`
    with recursive offer as (
      select o.id from opportunities o where o.workspace_id = ${ws} and o.kind = 'offer'
    ), up(opportunity_id, person_id, via_conversation, depth) as (
      select s.opportunity_id, s.person_id, false, 0
      from opportunity_sources s join offer on offer.id = s.opportunity_id
      where s.person_id is not null
      union
      select up.opportunity_id, i.introducer_id, i.via_conversation_id is not null, up.depth + 1
      from introductions i join up on i.introduced_id = up.person_id
      where i.workspace_id = ${ws} and up.depth < 10
    ), credited as (
      select s.opportunity_id from opportunity_sources s join offer on offer.id = s.opportunity_id
      where s.conversation_id is not null
      union
      select up.opportunity_id from up
      where up.via_conversation or exists (
        select 1 from conversation_participants cp join conversations c on c.id = cp.conversation_id
        where cp.person_id = up.person_id and c.workspace_id = ${ws} and c.status in ${HELD_STATUSES})
    )
    select (select count(*) from credited)::int as credited,
      (select count(*) from offer where id not in (select opportunity_id from credited))::int as other`);
  const [row] = (result as unknown as { rows: { credited: number; other: number }[] }).rows;
  return { credited: Number(row?.credited ?? 0), other: Number(row?.other ?? 0) };
}

/** The results dashboard: the funnel, reply rates, reply speed and behaviour, meeting pace. */
export async function dashboard(ctx: Ctx) {
  const now = ctx.now();
  const settings = await getSettings(ctx);
  const requests = await requestSummary(ctx, { timeZone: settings.timeZone, holidays: settings.holidays });
  // A little more than the weeks the chart shows; meetingsPerWeek places each one exactly.
  const since = new Date(now.getTime() - (MEETING_WEEKS + 1) * 7 * 86_400_000).toISOString();
  const [oppCounts, [referralIntros], heldMeetings, offerCredits, credits] = await Promise.all([
    ctx.db
      .select({ kind: opportunities.kind, n: count() })
      .from(opportunities)
      .where(eq(opportunities.workspaceId, ctx.workspaceId))
      .groupBy(opportunities.kind),
    ctx.db
      .select({ n: count() })
      .from(introductions)
      .where(and(eq(introductions.workspaceId, ctx.workspaceId), isNotNull(introductions.viaConversationId))),
    // Only the count, the last weeks' dates and when the workspace began leave the database. It
    // began when it was made, or earlier when it holds meetings or requests from before then.
    ctx.db.execute(sql`
      select count(*)::int as total,
        coalesce(json_agg(m.starts_at) filter (where m.starts_at >= ${since}::timestamptz), '[]') as recent,
        least(min(m.starts_at),
          (select w.created_at from ${workspaces} w where w.id = ${ctx.workspaceId}),
          (select min(r.requested_at) from ${conversations} r where r.workspace_id = ${ctx.workspaceId})
        ) as began
      from meetings m join ${conversations} c on c.id = m.conversation_id
      where m.workspace_id = ${ctx.workspaceId} and m.cancelled_at is null
        and c.status in ${HELD_STATUSES}`),
    offerCredit(ctx),
    latestCredits(ctx),
  ]);
  const kinds = new Map(oppCounts.map((o) => [o.kind, o.n]));
  const [meetingRow] = (
    heldMeetings as unknown as {
      rows: { total: number; recent: string[] | string; began: Date | string | null }[];
    }
  ).rows;
  const began = meetingRow?.began ? new Date(meetingRow.began) : null;
  const recent = meetingRow?.recent ?? [];
  const recentMeetings = (typeof recent === 'string' ? (JSON.parse(recent) as string[]) : recent).map(
    (t) => new Date(t),
  );
  const heldCount = Number(meetingRow?.total ?? 0);
  const groups = new Map(requests.behaviour.map((g) => [g.behaviour, g]));
  const offers = kinds.get('offer') ?? 0;
  const rates = (rows: RateRow[]) =>
    rateBy(rows.map((r) => ({ ...r, sent: Number(r.sent), replied: Number(r.replied) })));
  return {
    funnel: funnel({
      requestsSent: Number(requests.sent),
      replies: Number(requests.replied),
      meetingsHeld: heldCount,
      referrals: (referralIntros?.n ?? 0) + (kinds.get('referral') ?? 0),
      opportunities:
        (kinds.get('unadvertised_opening') ?? 0) +
        (kinds.get('referral') ?? 0) +
        (kinds.get('application') ?? 0),
      jobInterviews: kinds.get('job_interview') ?? 0,
      offers,
    }),
    replyRate: {
      byChannel: rates(requests.byChannel),
      byTemplate: rates(requests.byTemplate),
      warmVsCold: rates(requests.warmVsCold),
      byIntroducer: rates(requests.byIntroducer),
    },
    medianDaysToReply: requests.medianDays === null ? null : Number(requests.medianDays),
    replyBehaviour: (Object.keys(REPLY_BEHAVIOUR_LABELS) as ReplyBehaviour[]).map((k) => ({
      behaviour: k,
      label: REPLY_BEHAVIOUR_LABELS[k],
      /** Everyone in the group; `people` names the first few by name. */
      total: Number(groups.get(k)?.total ?? 0),
      people: groups.get(k)?.people ?? [],
    })),
    meetingsPerWeek: {
      weeks: meetingsPerWeek(recentMeetings, now, weeksSince(began, now, MEETING_WEEKS)),
      goal: settings.weeklyMeetingGoal,
    },
    conversationsPerOffer: conversationsPerOffer(heldCount, offerCredits.credited, offerCredits.other),
    /** The latest results, each with the conversations and people it is credited to. */
    credits,
  };
}
