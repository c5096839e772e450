import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createConversation, moveConversation } from '../conversations/conversations.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { createIntroduction, personIntroductions } from './introductions.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const HOUR = 3_600_000;

async function stateOf(introducedId: string, introducerId: string) {
  const list = await personIntroductions({ ...t.ctx, personId: introducedId });
  return list.find((i) => i.introducerId === introducerId)?.state;
}

/** Someone introduces a new person to the user, who plans a conversation with them and schedules it. */
async function introducedAndScheduled(names: [string, string]) {
  const introducer = await createPerson({ ...t.ctx, input: { fullName: names[0] } });
  const introduced = await createPerson({ ...t.ctx, input: { fullName: names[1] } });
  await createIntroduction({
    ...t.ctx,
    input: { introducerId: introducer.id, introducedId: introduced.id, state: 'made' },
  });
  const conv = await createConversation({
    ...t.ctx,
    input: { type: 'learn_role', participantIds: [introduced.id] },
  });
  return { introducer, introduced, conv };
}

function thankYou(personId: string, conversationId: string | null = null) {
  return logMessage({
    ...t.ctx,
    input: { personId, conversationId, channel: 'email', direction: 'out', purpose: 'thank_you' },
  });
}

describe('an introduction follows what the user does', () => {
  it('is Met once the meeting is held, and Thanked once the introducer is thanked', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const { introducer, introduced, conv } = await introducedAndScheduled(['Ines Introducer', 'Omar Met']);
    await scheduleMeeting({
      ...t.ctx,
      conversationId: conv.id,
      input: { startsAt: new Date('2026-11-24T10:00:00Z'), timeZone: 'UTC', medium: 'video' },
    });

    // Thanking the introducer before the meeting does not skip a step.
    await thankYou(introducer.id);
    expect(await stateOf(introduced.id, introducer.id)).toBe('made');

    t.clock.set('2026-11-24T11:00:00Z');
    await moveConversation({ ...t.ctx, id: conv.id, to: 'held' });
    expect(await stateOf(introduced.id, introducer.id)).toBe('met');

    // The thank-you to the person met is not the thank-you to the introducer.
    await thankYou(introduced.id, conv.id);
    expect(await stateOf(introduced.id, introducer.id)).toBe('met');

    // A note received from the introducer is not a thank-you either.
    await logMessage({
      ...t.ctx,
      input: { personId: introducer.id, channel: 'email', direction: 'in', purpose: 'reply' },
    });
    expect(await stateOf(introduced.id, introducer.id)).toBe('met');

    t.clock.advance(HOUR);
    await thankYou(introducer.id);
    expect(await stateOf(introduced.id, introducer.id)).toBe('thanked');
  });

  it('is Met when the user records a meeting that already took place', async () => {
    t.clock.set('2026-12-01T09:00:00Z');
    const { introducer, introduced, conv } = await introducedAndScheduled(['Ada Asker', 'Pia Past']);
    await scheduleMeeting({
      ...t.ctx,
      conversationId: conv.id,
      input: {
        startsAt: new Date('2026-11-30T15:00:00Z'),
        timeZone: 'UTC',
        medium: 'coffee',
        alreadyHappened: true,
      },
    });
    expect(await stateOf(introduced.id, introducer.id)).toBe('met');
  });

  it('counts a report-back to the introducer as closing the loop', async () => {
    t.clock.set('2026-12-03T09:00:00Z');
    const { introducer, introduced, conv } = await introducedAndScheduled(['Rita Referrer', 'Ben Back']);
    await scheduleMeeting({
      ...t.ctx,
      conversationId: conv.id,
      input: {
        startsAt: new Date('2026-12-02T15:00:00Z'),
        timeZone: 'UTC',
        medium: 'phone',
        alreadyHappened: true,
      },
    });
    await logMessage({
      ...t.ctx,
      input: { personId: introducer.id, channel: 'email', direction: 'out', purpose: 'report_back' },
    });
    expect(await stateOf(introduced.id, introducer.id)).toBe('thanked');
  });

  it('leaves other introductions where they are', async () => {
    t.clock.set('2026-12-05T09:00:00Z');
    const { introducer, introduced, conv } = await introducedAndScheduled(['Una Untouched', 'Kim Kept']);
    const stranger = await createPerson({ ...t.ctx, input: { fullName: 'Sol Stranger' } });
    const other = await createPerson({ ...t.ctx, input: { fullName: 'Gus Greeted' } });
    await createIntroduction({ ...t.ctx, input: { introducerId: introducer.id, introducedId: other.id } });
    await createIntroduction({
      ...t.ctx,
      input: { introducerId: stranger.id, introducedId: introduced.id, state: 'thanked' },
    });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: conv.id,
      input: {
        startsAt: new Date('2026-12-04T15:00:00Z'),
        timeZone: 'UTC',
        medium: 'video',
        alreadyHappened: true,
      },
    });
    expect(await stateOf(introduced.id, introducer.id)).toBe('met');
    // Someone not met yet stays Introduced; a finished introduction does not go back to Met.
    expect(await stateOf(other.id, introducer.id)).toBe('made');
    expect(await stateOf(introduced.id, stranger.id)).toBe('thanked');
    await thankYou(introducer.id);
    expect(await stateOf(other.id, introducer.id)).toBe('made');
  });
});
