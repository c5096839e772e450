import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdMeeting, parisWorkspace } from '../../../test/agenda.js';
import { openTestDb, type TestDb } from '../../../test/db.js';
import type { Ctx } from '../context.js';
import { createConversation } from '../conversations/conversations.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { todayAgenda } from './agenda.js';
import { answerReminder } from './reminders.js';

const DAY = 86_400_000;
let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const workspace = (settings: { keepInTouchDefaultDays?: number } = {}) => parisWorkspace(t, settings);

/** A meeting with `personId` an hour from now, then marked held once it is over. */
const meet = (ctx: Ctx, personId: string) => holdMeeting(ctx, t.clock, personId, 'Europe/Paris');

async function titles(ctx: Ctx, kind: string) {
  return (await todayAgenda(ctx)).items.filter((i) => i.kind === kind).map((i) => i.title);
}

describe('keeping in touch with people met', () => {
  it('reminds at the workspace default after a held meeting, unless they said no', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const ctx = await workspace({ keepInTouchDefaultDays: 60 });
    const met = await createPerson({ ...ctx, input: { fullName: 'Mia Met' } });
    const declined = await createPerson({ ...ctx, input: { fullName: 'Nils No', keepInTouch: 'no' } });
    await meet(ctx, met.id);
    await meet(ctx, declined.id);
    // The meeting is an interaction: the clock starts from it.
    t.clock.advance(58 * DAY);
    expect(await titles(ctx, 'keep_in_touch')).toEqual([]);
    t.clock.advance(2 * DAY);
    expect(await titles(ctx, 'keep_in_touch')).toEqual(['Keep in touch with Mia Met']);

    // A message restarts the clock; nobody who said no is ever reminded.
    await logMessage({
      ...ctx,
      input: { personId: met.id, channel: 'email', direction: 'out', purpose: 'keep_in_touch' },
    });
    expect(await titles(ctx, 'keep_in_touch')).toEqual([]);
    t.clock.advance(60 * DAY);
    expect(await titles(ctx, 'keep_in_touch')).toEqual(['Keep in touch with Mia Met']);
  });
});

describe('contacts never met', () => {
  it('get no reminder each, only a monthly suggestion naming the three quiet the longest', async () => {
    t.clock.set('2026-01-05T09:00:00Z');
    const ctx = await workspace();
    // The quietest of all is in a conversation already: followed there, not suggested here.
    const asked = await createPerson({ ...ctx, input: { fullName: 'Ari Asked' } });
    await createConversation({ ...ctx, input: { type: 'explore_career', participantIds: [asked.id] } });
    t.clock.advance(DAY);
    // An imported network: twelve connections, added a day apart, never asked, never met.
    for (let i = 1; i <= 12; i++) {
      await createPerson({ ...ctx, input: { fullName: `Contact ${String(i).padStart(2, '0')}` } });
      t.clock.advance(DAY);
    }
    t.clock.set('2026-06-10T09:00:00Z');
    const agenda = await todayAgenda(ctx);
    expect(agenda.items.filter((i) => i.kind === 'keep_in_touch')).toEqual([]);
    const suggestions = agenda.items.filter((i) => i.kind === 'reconnect');
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.title).toBe('Reconnect with a few people');
    expect(suggestions[0]!.people.map((p) => p.fullName)).toEqual(['Contact 01', 'Contact 02', 'Contact 03']);
    expect(suggestions[0]!.detail).toContain('Contact 01, Contact 02 and Contact 03');

    // Writing to one of them brings the next one in.
    await logMessage({
      ...ctx,
      input: {
        personId: suggestions[0]!.people[0]!.id,
        channel: 'email',
        direction: 'out',
        purpose: 'other',
      },
    });
    const next = (await todayAgenda(ctx)).items.find((i) => i.kind === 'reconnect');
    expect(next?.people.map((p) => p.fullName)).toEqual(['Contact 02', 'Contact 03', 'Contact 04']);

    // Done for this month: nothing until the next one.
    await answerReminder({ ...ctx, key: next!.key, action: 'done' });
    expect(await titles(ctx, 'reconnect')).toEqual([]);
    t.clock.set('2026-06-30T09:00:00Z');
    expect(await titles(ctx, 'reconnect')).toEqual([]);
    t.clock.set('2026-07-01T09:00:00Z');
    expect(await titles(ctx, 'reconnect')).toEqual(['Reconnect with a few people']);
  });
});
