/**
 * Conversations for generated workspaces: each walks the real state machine from idea onwards,
 * leaving a status history, a meeting when it got scheduled and a debrief when it was held.
 * A few are made to have their meeting today or tomorrow, so the Today agenda has meetings to show.
 */
import { randomUUID } from 'node:crypto';
import { addCalendarDays, localDate, startOfLocalDay } from '../src/domain/business-days.js';
import { allowedNextStatuses } from '../src/domain/conversation-status.js';
import {
  CONVERSATION_TYPE_LABELS,
  CONVERSATION_TYPES,
  type ConversationStatus,
  MEDIUMS,
} from '../src/domain/vocab.js';
import type { Ctx } from '../src/services/context.js';
import type { Row } from './bulk-insert.js';
import { debriefBody, GOALS, REACHED_VIA, type Rng } from './fake-data.js';

export interface ConversationRows {
  conversations: Row[];
  participants: Row[];
  history: Row[];
  goals: Row[];
  meetings: Row[];
  notes: Row[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** How likely each move is, so the funnel looks like a real search: many requests, fewer meetings. */
const MOVES: Record<ConversationStatus, Partial<Record<ConversationStatus, number>>> = {
  idea: { requested: 9, cancelled: 1 },
  requested: { accepted: 5, no_reply: 3, declined: 1.5, cancelled: 0.5 },
  accepted: { scheduled: 9, cancelled: 1 },
  scheduled: { held: 18, accepted: 1.5, cancelled: 0.5 },
  held: { thanked: 8, keeping_in_touch: 2 },
  thanked: { keeping_in_touch: 1 },
  keeping_in_touch: {},
  declined: { idea: 1 },
  no_reply: { accepted: 2, declined: 1, idea: 1 },
  cancelled: { idea: 1 },
};

/** The chance that a conversation stays where it is (the search is still going on). */
const STAY: Record<ConversationStatus, number> = {
  idea: 0.15,
  requested: 0.15,
  accepted: 0.1,
  scheduled: 0,
  held: 0.1,
  thanked: 0.4,
  keeping_in_touch: 1,
  declined: 0.9,
  no_reply: 0.8,
  cancelled: 0.95,
};

/**
 * Days after which a request or a held meeting no longer sits still: a user marks an old request
 * as unanswered and sends (or skips) the thank-you. Only a few are forgotten and stay anyway, so
 * there are a few hundred open requests rather than a year's worth.
 */
const STALE_AFTER_DAYS: Partial<Record<ConversationStatus, number>> = { requested: 21, held: 10 };
const FORGOTTEN = 0.03;

export interface ConversationOptions {
  /** Conversations made to have a meeting today or tomorrow, still scheduled. */
  upcomingMeetings?: number;
  /** The user's zone, in which "today" is counted. */
  timeZone?: string;
}

/** Builds `count` conversations between the user and people from `people`. */
export function buildConversations(
  rng: Rng,
  ctx: Ctx,
  count: number,
  people: Row[],
  options: ConversationOptions = {},
): ConversationRows {
  const out: ConversationRows = {
    conversations: [],
    participants: [],
    history: [],
    goals: [],
    meetings: [],
    notes: [],
  };
  if (!people.length) return out;
  const now = ctx.now().getTime();
  const ws = ctx.workspaceId;
  const timeZone = options.timeZone ?? 'UTC';
  const today = localDate(new Date(now), timeZone);
  const upcoming = Math.min(count, options.upcomingMeetings ?? 0);
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const type = rng.pick(CONVERSATION_TYPES);
    const first = rng.pick(people);
    const group = rng.chance(0.15) ? [first, rng.pick(people)] : [first];
    const participantIds = [...new Set(group.map((p) => String(p.id)))];
    participantIds.forEach((personId, position) => {
      out.participants.push({ conversationId: id, personId, position });
    });
    const goalCount = rng.int(1, 3);
    for (let g = 0; g < goalCount; g++) {
      out.goals.push({
        id: randomUUID(),
        workspaceId: ws,
        conversationId: id,
        text: rng.pick(GOALS),
        position: g,
      });
    }

    const forced = i < upcoming;
    const created = forced ? now - rng.int(10, 25) * DAY : now - rng.int(1, 365) * DAY - rng.int(0, DAY);
    let t = created;
    // Widened on purpose: `move` changes it, which narrowing does not see.
    let status = 'idea' as ConversationStatus;
    out.history.push({
      id: randomUUID(),
      workspaceId: ws,
      conversationId: id,
      toStatus: 'idea',
      at: new Date(t),
    });
    let meeting = undefined as Row | undefined;
    let requestedAt: number | null = null;
    let repliedAt: number | null = null;
    const move = (to: ConversationStatus, at: number) => {
      t = at;
      if (to === 'requested') {
        requestedAt = at;
        repliedAt = null;
      }
      if ((to === 'accepted' || to === 'declined') && repliedAt === null) repliedAt = at;
      out.history.push({
        id: randomUUID(),
        workspaceId: ws,
        conversationId: id,
        fromStatus: status,
        toStatus: to,
        at: new Date(t),
      });
      if (to === 'scheduled') {
        meeting = {
          id: randomUUID(),
          workspaceId: ws,
          conversationId: id,
          startsAt: new Date(t + rng.int(2, 14) * DAY + rng.int(8, 17) * HOUR),
          timeZone: String(first.timeZone ?? 'UTC'),
          durationMinutes: rng.pick([20, 30, 30, 45]),
          medium: rng.pick(MEDIUMS),
          createdAt: new Date(t),
          updatedAt: new Date(t),
        };
        out.meetings.push(meeting);
      }
      if (to === 'held' && rng.chance(0.7)) {
        const firstName = String(first.fullName).split(' ')[0] ?? '';
        const noteAt = new Date(t + 2 * HOUR);
        out.notes.push({
          id: randomUUID(),
          workspaceId: ws,
          conversationId: id,
          kind: 'debrief',
          body: debriefBody(rng, firstName),
          createdAt: noteAt,
          updatedAt: noteAt,
        });
      }
      status = to;
    };
    const stays = (): boolean => {
      if (!rng.chance(STAY[status])) return false;
      const staleAfter = STALE_AFTER_DAYS[status];
      if (staleAfter === undefined || now - t < staleAfter * DAY) return true;
      return rng.chance(FORGOTTEN);
    };

    if (forced) {
      // Requested, accepted and scheduled in the last weeks; the meeting is today or tomorrow
      // in the user's zone, in working hours (a meeting earlier today is not marked held yet).
      move('requested', t + rng.int(0, 2) * DAY);
      move('accepted', t + rng.int(2, 5) * DAY);
      move('scheduled', Math.min(t + rng.int(1, 3) * DAY, now - HOUR));
      const day = rng.chance(0.5) ? today : addCalendarDays(today, 1);
      meeting!.startsAt = new Date(
        startOfLocalDay(day, timeZone).getTime() + rng.int(8, 17) * HOUR + rng.pick([0, 30]) * 60_000,
      );
    }
    for (let step = 0; !forced && step < 12 && !stays(); step++) {
      const options: (readonly [ConversationStatus, number])[] = allowedNextStatuses(status).map(
        (s) => [s, MOVES[status][s] ?? 0] as const,
      );
      if (!options.some(([, w]) => w > 0)) break;
      const to: ConversationStatus = rng.weighted(options);
      // A meeting is held only once its time has come; until then it stays scheduled. A request
      // is called unanswered only after two weeks or more.
      const next =
        status === 'scheduled' && meeting
          ? (meeting.startsAt as Date).getTime() + HOUR
          : t + (to === 'no_reply' ? rng.int(14, 30) : rng.int(1, 10)) * DAY;
      if (next > now) break;
      if (status === 'scheduled' && meeting && to !== 'held') meeting.cancelledAt = new Date(next);
      move(to, next);
    }

    const learnsRole = type === 'learn_role' || type === 'explore_career' || type === 'career_switch';
    out.conversations.push({
      id,
      workspaceId: ws,
      title: `${CONVERSATION_TYPE_LABELS[type]} with ${first.fullName}`,
      type,
      status,
      organizationId: first.organizationId ?? null,
      role: learnsRole ? String(first.title).replace(/^(Senior|Junior|Associate|Lead|Principal) /, '') : null,
      reachedVia: rng.pick(REACHED_VIA),
      statusChangedAt: new Date(t),
      requestedAt: requestedAt === null ? null : new Date(requestedAt),
      repliedAt: repliedAt === null ? null : new Date(repliedAt),
      createdAt: new Date(created),
      updatedAt: new Date(t),
    });
  }
  return out;
}
