import type { Command } from 'commander';
import type { WithApi } from './api.js';
import { CliError } from './api.js';

interface Conversation {
  id: string;
  title: string;
  status: string;
  meeting: { timeZone: string; durationMinutes: number; medium: string; place: string | null } | null;
}

/**
 * The conversation an answer is about: its id, or the key of the "Did your meeting happen?" item
 * that `rapport today` prints (meeting_outcome:CONVERSATION_ID:START).
 */
export function conversationOf(keyOrId: string): string {
  if (!keyOrId.includes(':')) return keyOrId;
  const [kind, id] = keyOrId.split(':');
  if (kind !== 'meeting_outcome' || !id) {
    throw new CliError(
      `"${keyOrId}" is not the key of a "Did your meeting happen?" item; give its key as "rapport today" shows it, or the conversation id.`,
    );
  }
  return id;
}

/** `rapport held|moved|cancelled KEY`: what happened to a meeting that is over. */
export function registerMeetingOutcomeCommands(program: Command, withApi: WithApi): void {
  const move = (to: 'held' | 'cancelled', done: (c: Conversation) => string) => (keyOrId: string) =>
    withApi(async ({ call }) => {
      const id = conversationOf(keyOrId);
      const c = await call<Conversation>('POST', `/api/conversations/${encodeURIComponent(id)}/move`, { to });
      console.log(done(c));
    });
  program
    .command('held <key>')
    .description(
      'the meeting took place: thank-you notes come next (key from "rapport today", or a conversation id)',
    )
    .action(
      move('held', (c) => `"${c.title}" is now held. Thank each person within a day: see "rapport today".`),
    );
  program
    .command('cancelled <key>')
    .description(
      'the meeting did not take place and will not (key from "rapport today", or a conversation id)',
    )
    .action(
      move(
        'cancelled',
        (c) => `"${c.title}" is now cancelled. To plan it again: rapport conversations move ${c.id} idea`,
      ),
    );
  program
    .command('moved <key>')
    .description('the meeting moved to a new time (key from "rapport today", or a conversation id)')
    .requiredOption('--at <datetime>', 'new start with offset, e.g. 2026-12-01T14:30:00+01:00')
    .option('--tz <zone>', "IANA time zone of the meeting (default: the meeting's own)")
    .action((keyOrId: string, o: { at: string; tz?: string }) =>
      withApi(async ({ call }) => {
        const id = conversationOf(keyOrId);
        const c = await call<Conversation>('GET', `/api/conversations/${encodeURIComponent(id)}`);
        if (!c.meeting)
          throw new CliError(
            `"${c.title}" has no meeting to move; schedule one with: rapport conversations schedule ${c.id}`,
          );
        // Same length, medium and place; only the time changes.
        const r = await call<{ conversation: Conversation }>(
          'PUT',
          `/api/conversations/${encodeURIComponent(id)}/meeting`,
          {
            startsAt: o.at,
            timeZone: o.tz ?? c.meeting.timeZone,
            durationMinutes: c.meeting.durationMinutes,
            medium: c.meeting.medium,
            place: c.meeting.place,
          },
        );
        console.log(`Moved "${r.conversation.title}" to ${o.at}.`);
      }),
    );
}
