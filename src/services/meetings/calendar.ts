import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gte, isNull, lt } from 'drizzle-orm';
import { calendarFeeds, conversations, meetings } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { meetingEnd, wallClock } from '../../domain/meeting-rules.js';
import { MEDIUM_LABELS } from '../../domain/vocab.js';
import { todayAgenda } from '../agenda/agenda.js';
import type { Ctx } from '../context.js';
import { getConversation } from '../conversations/conversations.js';

const DAY = 86_400_000;

/**
 * The calendar packages, loaded on first use: the time-zone table alone is 2 MB of JavaScript that
 * every start of the server read and compiled before its first answer, for a file few ask for.
 */
async function icalPackages() {
  const [generator, zones] = await Promise.all([
    import('ical-generator'),
    import('@touch4it/ical-timezones'),
  ]);
  return { ...generator, ical: generator.default, getVtimezoneComponent: zones.getVtimezoneComponent };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The workspace a feed link belongs to, or null for an unknown or revoked one. Asked on the whole
 * database by a hosted server, which then reads the feed inside that workspace alone.
 */
export async function calendarFeedWorkspace(db: Ctx['db'], token: string): Promise<string | null> {
  const [feed] = await db
    .select({ workspaceId: calendarFeeds.workspaceId })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  return feed?.workspaceId ?? null;
}

/** One meeting as an .ics file in the meeting's own time zone, with a reminder 30 minutes before. */
export async function meetingIcs(
  ctx: Ctx & { conversationId: string },
): Promise<{ fileName: string; ics: string }> {
  const conv = await getConversation({ ...ctx, id: ctx.conversationId });
  const m = conv.meeting;
  if (!m) throw notFound('scheduled meeting for conversation', ctx.conversationId);
  const { ical, ICalCalendarMethod, ICalAlarmType, getVtimezoneComponent } = await icalPackages();
  const cal = ical({ name: 'Rapport', prodId: { company: 'rapport', product: 'rapport' } });
  cal.method(ICalCalendarMethod.PUBLISH);
  // Only the VTIMEZONE block, not a calendar-wide zone: with one set, ical-generator writes DTSTAMP
  // as a local time without the "Z" RFC 5545 requires (section 3.8.7.2). The event keeps its TZID.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  const names = conv.participants.map((p) => p.fullName).join(', ');
  cal.createEvent({
    id: `meeting-${m.id}@rapport`,
    // Wall-clock strings beside the TZID: the library would write a Date's UTC clock under the zone.
    start: wallClock(m.startsAt, m.timeZone),
    end: wallClock(meetingEnd(m.startsAt, m.durationMinutes), m.timeZone),
    timezone: m.timeZone,
    stamp: ctx.now(),
    summary: `Informational interview: ${conv.title}`,
    description: [
      `With ${names}${conv.organizationName ? ` (${conv.organizationName})` : ''}.`,
      `${MEDIUM_LABELS[m.medium]}${m.place ? `: ${m.place}` : ''}.`,
      conv.goals.length ? `Goals:\n${conv.goals.map((g) => `- ${g.text}`).join('\n')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    location: m.place ?? null,
    sequence: m.version,
    alarms: [{ type: ICalAlarmType.display, trigger: 30 * 60, description: `Soon: ${conv.title}` }],
  });
  return { fileName: `meeting-${m.startsAt.toISOString().slice(0, 10)}.ics`, ics: cal.toString() };
}

/** Creates a subscribable feed; the token is shown once and only its hash is kept. */
export async function createCalendarFeed(ctx: Ctx): Promise<{ id: string; token: string; createdAt: Date }> {
  const token = randomBytes(24).toString('base64url');
  const [row] = await ctx.db
    .insert(calendarFeeds)
    .values({ workspaceId: ctx.workspaceId, tokenHash: hashToken(token), createdAt: ctx.now() })
    .returning();
  return { id: row!.id, token, createdAt: row!.createdAt };
}

export async function listCalendarFeeds(ctx: Ctx) {
  return ctx.db
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.workspaceId, ctx.workspaceId))
    .orderBy(desc(calendarFeeds.createdAt));
}

/** Revokes a feed: its URL stops working at once. */
export async function revokeCalendarFeed(ctx: Ctx & { id: string }): Promise<void> {
  const rows = await ctx.db
    .update(calendarFeeds)
    .set({ revokedAt: ctx.now() })
    .where(and(eq(calendarFeeds.id, ctx.id), eq(calendarFeeds.workspaceId, ctx.workspaceId)))
    .returning({ id: calendarFeeds.id });
  if (!rows.length) throw notFound('calendar feed', ctx.id);
}

/**
 * The feed behind a token: meetings from a month ago to six months ahead, and today's due
 * reminders as all-day events. Unknown or revoked tokens are "not found".
 */
export async function calendarFeedIcs(ctx: Ctx & { token: string }): Promise<string> {
  const [feed] = await ctx.db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, hashToken(ctx.token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) throw notFound('calendar feed', 'in this link');
  const scoped: Ctx = { ...ctx, workspaceId: feed.workspaceId };
  const now = ctx.now();
  const rows = await ctx.db
    .select({ m: meetings, title: conversations.title })
    .from(meetings)
    .innerJoin(conversations, eq(conversations.id, meetings.conversationId))
    .where(
      and(
        eq(meetings.workspaceId, feed.workspaceId),
        isNull(meetings.cancelledAt),
        gte(meetings.startsAt, new Date(now.getTime() - 30 * DAY)),
        lt(meetings.startsAt, new Date(now.getTime() + 180 * DAY)),
      ),
    );
  const { ical, ICalAlarmType } = await icalPackages();
  const cal = ical({ name: 'Rapport', prodId: { company: 'rapport', product: 'rapport' }, ttl: 3600 });
  for (const { m, title } of rows) {
    cal.createEvent({
      id: `meeting-${m.id}@rapport`,
      start: m.startsAt,
      end: meetingEnd(m.startsAt, m.durationMinutes),
      stamp: now,
      summary: `Informational interview: ${title}`,
      location: m.place ?? null,
      sequence: m.version,
      alarms: [{ type: ICalAlarmType.display, trigger: 30 * 60 }],
    });
  }
  const agenda = await todayAgenda(scoped);
  for (const item of agenda.items.filter((i) => i.kind !== 'meeting')) {
    cal.createEvent({
      id: `due-${item.key.replace(/[^a-zA-Z0-9-]/g, '-')}@rapport`,
      start: new Date(`${agenda.today}T00:00:00Z`),
      allDay: true,
      stamp: now,
      summary: item.title,
      description: item.detail,
    });
  }
  return cal.toString();
}
