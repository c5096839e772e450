import { eq, sql } from 'drizzle-orm';
import { meetings } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import {
  DEFAULT_MEETING_MINUTES,
  durationWarnings,
  isValidTimeZone,
  wallClock,
} from '../../domain/meeting-rules.js';
import type { ConversationStatus, ConversationType, Medium } from '../../domain/vocab.js';
import { type Ctx, inTransaction } from '../context.js';
import {
  applyStatus,
  type ConversationDetail,
  currentMeeting,
  getConversation,
} from '../conversations/conversations.js';
import { touchPeople } from '../people/people.js';
import { getSettings } from '../settings/settings.js';

export interface MeetingInput {
  startsAt: Date;
  timeZone: string;
  durationMinutes?: number;
  medium: Medium;
  place?: string | null;
  /**
   * The user is recording a meeting that took place: the start must have passed, and the
   * conversation moves on to Held (thank-you notes follow). Without it a start that has passed
   * is refused, so a past meeting is never listed as still to come.
   */
  alreadyHappened?: boolean;
}

/** "2026-11-20 10:00 (UTC)": a start as the user typed it, on the meeting's own clock. */
function startText(input: MeetingInput): string {
  return `${wallClock(input.startsAt, input.timeZone).slice(0, 16).replace('T', ' ')} (${input.timeZone})`;
}

/** A start in the past needs the user to say the meeting happened; a future one must not claim it. */
function checkStart(input: MeetingInput, now: Date): void {
  const passed = input.startsAt.getTime() <= now.getTime();
  if (passed && !input.alreadyHappened) {
    throw new AppError('validation', {
      userMessage: `This time has passed: ${startText(input)} is before now. Choose a time still to come, or, if you are recording a meeting that already happened, say so (alreadyHappened: true) and it is logged as held.`,
      issues: [{ field: 'startsAt', message: 'This time has passed. Choose a time still to come.' }],
      details: { startHasPassed: true },
    });
  }
  if (!passed && input.alreadyHappened) {
    throw new AppError('validation', {
      userMessage: `alreadyHappened: the meeting starts ${startText(input)}, which has not come yet. Schedule it without alreadyHappened; once it has taken place, mark it as held.`,
      issues: [{ field: 'alreadyHappened', message: 'The start has not come yet.' }],
    });
  }
}

/** Statuses from which scheduling walks the conversation forward to Scheduled. */
const PATH_TO_SCHEDULED: Partial<Record<ConversationStatus, ConversationStatus[]>> = {
  idea: ['requested', 'accepted', 'scheduled'],
  requested: ['accepted', 'scheduled'],
  no_reply: ['accepted', 'scheduled'],
  accepted: ['scheduled'],
  scheduled: [],
};

/**
 * Schedules (or reschedules) the conversation's meeting. Scheduling means the person said yes, so
 * an idea or a pending request moves forward to Scheduled, each step recorded in the history.
 * A meeting recorded after it happened (`alreadyHappened`) goes on to Held. A start that has
 * passed without that flag is refused. Returns advice (a meeting longer than 45 minutes) as
 * warnings, not errors.
 */
export async function scheduleMeeting(
  ctx: Ctx & { conversationId: string; input: MeetingInput },
): Promise<{ conversation: ConversationDetail; warnings: string[] }> {
  const { input } = ctx;
  if (!isValidTimeZone(input.timeZone)) {
    throw new AppError('validation', {
      userMessage: `timeZone: "${input.timeZone}" is not a known time zone; use a name like Europe/Paris or America/New_York.`,
      issues: [{ field: 'timeZone', message: 'unknown time zone' }],
    });
  }
  checkStart(input, ctx.now());
  const duration = input.durationMinutes ?? DEFAULT_MEETING_MINUTES;
  return inTransaction(ctx, async (tx) => {
    const conv = await getConversation({ ...tx, id: ctx.conversationId });
    const path = PATH_TO_SCHEDULED[conv.status as ConversationStatus];
    if (!path) {
      throw new AppError('illegal_transition', {
        userMessage: `A conversation that is ${conv.status.replace(/_/g, ' ')} cannot be scheduled. ${
          ['declined', 'cancelled'].includes(conv.status)
            ? 'Reopen it as an idea first.'
            : 'Start a new conversation for another meeting.'
        }`,
      });
    }
    const existing = await currentMeeting(tx, conv.id);
    const values = {
      startsAt: input.startsAt,
      timeZone: input.timeZone,
      durationMinutes: duration,
      medium: input.medium,
      place: input.place ?? null,
      updatedAt: ctx.now(),
    };
    if (existing) {
      await tx.db
        .update(meetings)
        .set({ ...values, version: sql`${meetings.version} + 1` })
        .where(eq(meetings.id, existing.id));
    } else {
      await tx.db
        .insert(meetings)
        .values({ ...values, workspaceId: ctx.workspaceId, conversationId: conv.id, createdAt: ctx.now() });
    }
    let status = conv.status;
    for (const step of path) {
      await applyStatus(tx, { id: conv.id, status }, step, step === 'scheduled' ? 'Meeting scheduled' : null);
      status = step;
    }
    if (input.alreadyHappened) {
      // As if the user had answered Held on Today: the meeting restarts everyone's keep-in-touch clock.
      await applyStatus(tx, { id: conv.id, status }, 'held', 'Recorded after the meeting took place');
      await touchPeople(
        tx,
        conv.participants.map((p) => p.id),
        input.startsAt,
      );
    }
    const { meetingWarnMinutes } = await getSettings(tx);
    return {
      conversation: await getConversation({ ...tx, id: conv.id }),
      warnings: durationWarnings(duration, meetingWarnMinutes, conv.type as ConversationType),
    };
  });
}
