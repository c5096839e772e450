import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { conversations, introductions, opportunities } from '../db/schema.js';
import {
  conversationsPerOffer,
  daysBetween,
  funnel,
  median,
  meetingsPerWeek,
  rateBy,
} from '../domain/metrics.js';
import { REPLY_BEHAVIOUR_LABELS, type ReplyBehaviour, replyBehaviour } from '../domain/relationship.js';
import type { Ctx } from './context.js';
import { getSettings } from './settings.js';

interface RequestFact {
  id: string;
  person_id: string | null;
  person_name: string | null;
  requested_at: string;
  replied_at: string | null;
  channel: string | null;
  template: string | null;
  warm: boolean;
  introducer: string | null;
}

/** One row per conversation that was ever requested, with what happened to the request. */
async function requestFacts(ctx: Ctx): Promise<RequestFact[]> {
  const result = await ctx.db.execute(sql`
    with req as (
      select h.conversation_id, min(h.at) as requested_at from conversation_status_history h
      where h.workspace_id = ${ctx.workspaceId} and h.to_status = 'requested'
      group by h.conversation_id
    ), reply as (
      select h.conversation_id, min(h.at) as at from conversation_status_history h
      where h.workspace_id = ${ctx.workspaceId} and h.to_status in ('accepted', 'declined')
      group by h.conversation_id
    )
    select c.id, p.id as person_id, p.full_name as person_name, req.requested_at,
      reply.at as replied_at, m.channel, t.name as template,
      (p.how_we_know is not null or intro.name is not null) as warm, intro.name as introducer
    from req
    join conversations c on c.id = req.conversation_id
    left join reply on reply.conversation_id = c.id
    left join lateral (select cp.person_id from conversation_participants cp
      where cp.conversation_id = c.id order by cp.position limit 1) fp on true
    left join people p on p.id = fp.person_id
    left join lateral (select m.channel, m.template_id from messages m
      where m.conversation_id = c.id and m.direction = 'out' and m.purpose = 'request'
      order by m.at limit 1) m on true
    left join message_templates t on t.id = m.template_id
    left join lateral (select ip.full_name as name from introductions i join people ip on ip.id = i.introducer_id
      where i.introduced_id = p.id order by i.created_at limit 1) intro on true`);
  return (result as unknown as { rows: RequestFact[] }).rows;
}

function tally(rows: RequestFact[], key: (r: RequestFact) => string) {
  const map = new Map<string, { key: string; sent: number; replied: number }>();
  for (const r of rows) {
    const k = key(r);
    const entry = map.get(k) ?? { key: k, sent: 0, replied: 0 };
    entry.sent += 1;
    if (r.replied_at) entry.replied += 1;
    map.set(k, entry);
  }
  return rateBy([...map.values()]);
}

/** The results dashboard: the funnel, reply rates, reply speed and behaviour, meeting pace. */
export async function dashboard(ctx: Ctx) {
  const now = ctx.now();
  const settings = await getSettings(ctx);
  const facts = await requestFacts(ctx);
  const [oppCounts, [referralIntros], heldMeetings] = await Promise.all([
    ctx.db
      .select({ kind: opportunities.kind, n: count() })
      .from(opportunities)
      .where(eq(opportunities.workspaceId, ctx.workspaceId))
      .groupBy(opportunities.kind),
    ctx.db
      .select({ n: count() })
      .from(introductions)
      .where(and(eq(introductions.workspaceId, ctx.workspaceId), isNotNull(introductions.viaConversationId))),
    ctx.db.execute(sql`
      select m.starts_at from meetings m join ${conversations} c on c.id = m.conversation_id
      where m.workspace_id = ${ctx.workspaceId} and m.cancelled_at is null
        and c.status in ('held', 'thanked', 'keeping_in_touch')`),
  ]);
  const kinds = new Map(oppCounts.map((o) => [o.kind, o.n]));
  const held = (heldMeetings as unknown as { rows: { starts_at: string | Date }[] }).rows.map(
    (r) => new Date(r.starts_at),
  );
  // Reply speed only where the request itself was logged: conversations scheduled straight from
  // an idea walk through "requested" and "accepted" in the same instant and would read as 0 days.
  const replyDays = facts
    .filter((f) => f.replied_at && f.channel)
    .map((f) => daysBetween(new Date(f.requested_at), new Date(f.replied_at!)));
  const byPerson = new Map<string, { name: string; requests: { sentAt: Date; repliedAt: Date | null }[] }>();
  for (const f of facts) {
    if (!f.person_id) continue;
    const entry = byPerson.get(f.person_id) ?? { name: f.person_name ?? '', requests: [] };
    entry.requests.push({
      sentAt: new Date(f.requested_at),
      repliedAt: f.replied_at ? new Date(f.replied_at) : null,
    });
    byPerson.set(f.person_id, entry);
  }
  const behaviour: Record<ReplyBehaviour, { id: string; fullName: string }[]> = {
    fast_helper: [],
    slow: [],
    never: [],
    unknown: [],
  };
  for (const [id, p] of byPerson) behaviour[replyBehaviour(p.requests, now)].push({ id, fullName: p.name });
  const offers = kinds.get('offer') ?? 0;
  return {
    funnel: funnel({
      requestsSent: facts.length,
      replies: facts.filter((f) => f.replied_at).length,
      meetingsHeld: held.length,
      referrals: (referralIntros?.n ?? 0) + (kinds.get('referral') ?? 0),
      opportunities:
        (kinds.get('unadvertised_opening') ?? 0) +
        (kinds.get('referral') ?? 0) +
        (kinds.get('application') ?? 0),
      jobInterviews: kinds.get('job_interview') ?? 0,
      offers,
    }),
    replyRate: {
      byChannel: tally(facts, (f) => f.channel ?? 'not logged'),
      byTemplate: tally(facts, (f) => f.template ?? 'no template'),
      warmVsCold: tally(facts, (f) => (f.warm ? 'warm' : 'cold')),
      byIntroducer: tally(
        facts.filter((f) => f.introducer),
        (f) => f.introducer!,
      ),
    },
    medianDaysToReply: median(replyDays),
    replyBehaviour: (Object.keys(behaviour) as ReplyBehaviour[]).map((k) => ({
      behaviour: k,
      label: REPLY_BEHAVIOUR_LABELS[k],
      people: behaviour[k].sort((a, b) => a.fullName.localeCompare(b.fullName)),
    })),
    meetingsPerWeek: { weeks: meetingsPerWeek(held, now), goal: settings.weeklyMeetingGoal },
    conversationsPerOffer: conversationsPerOffer(held.length, offers),
  };
}
