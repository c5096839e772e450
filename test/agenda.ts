import type { Ctx } from '../src/services/context.js';
import { createConversation, moveConversation } from '../src/services/conversations/conversations.js';
import { scheduleMeeting } from '../src/services/meetings/meetings.js';
import { logMessage } from '../src/services/outreach/messages.js';
import { updateSettings } from '../src/services/settings/settings.js';
import type { TestClock, TestDb } from './db.js';

/**
 * A workspace of its own for one test, in Paris, with `settings` on top: items of other tests
 * never mix with its own.
 */
export async function parisWorkspace(
  t: TestDb,
  settings: Parameters<typeof updateSettings>[0]['input'] = {},
): Promise<Ctx> {
  const ctx = await t.otherWorkspace();
  await updateSettings({ ...ctx, input: { timeZone: 'Europe/Paris', ...settings } });
  return ctx;
}

/**
 * A request for a conversation with `personId`, sent by e-mail now: what starts the 3B7 clock
 * (second contact, follow-up) on Today.
 */
export async function sendRequest(ctx: Ctx, personId: string, title?: string) {
  const conversation = await createConversation({
    ...ctx,
    input: { type: 'learn_company', participantIds: [personId], ...(title ? { title } : {}) },
  });
  await logMessage({
    ...ctx,
    input: {
      personId,
      conversationId: conversation.id,
      channel: 'email',
      direction: 'out',
      purpose: 'request',
    },
  });
  return conversation;
}

/**
 * A phone meeting with `personId` an hour from now, then marked held once it is over (the clock
 * moves two hours): the person counts as met, and keeping in touch starts from it.
 */
export async function holdMeeting(ctx: Ctx, clock: TestClock, personId: string, timeZone: string) {
  const conversation = await createConversation({
    ...ctx,
    input: { type: 'explore_career', participantIds: [personId] },
  });
  await scheduleMeeting({
    ...ctx,
    conversationId: conversation.id,
    input: { startsAt: new Date(clock.now().getTime() + 3_600_000), timeZone, medium: 'phone' },
  });
  clock.advance(2 * 3_600_000);
  await moveConversation({ ...ctx, id: conversation.id, to: 'held' });
  return conversation;
}
