import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdMeeting, parisWorkspace } from '../../../test/agenda.js';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { addCalendarDays, localDate } from '../../domain/business-days.js';
import { keepInTouchDue } from '../../domain/relationship.js';
import type { Ctx } from '../context.js';
import { createConversation } from '../conversations/conversations.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson, touchPeople } from '../people/people.js';
import { updateSettings } from '../settings/settings.js';
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

describe('a rhythm of their own', () => {
  it('reminds on the day the rule says, in any zone and across a clock change', async () => {
    const HOUR = 3_600_000;
    // Now: a week before New York's clocks go forward, and in zones 25 hours apart.
    const now = new Date('2027-03-07T16:30:00Z');
    for (const timeZone of ['America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      t.clock.set(now.toISOString());
      const ctx = await t.otherWorkspace();
      await updateSettings({ ...ctx, input: { timeZone } });
      const today = localDate(now, timeZone);
      const horizon = addCalendarDays(today, 7);
      const expected = { due: [] as string[], upcoming: [] as string[] };
      for (const every of [1, 6, 7, 8, 13, 30]) {
        // Last heard from at times spread around the day the reminder falls due, every 5 hours.
        for (let h = -60; h <= 60; h += 5) {
          const last = new Date(now.getTime() - every * DAY + 7 * DAY + h * HOUR);
          const person = await createPerson({
            ...ctx,
            input: { fullName: `Rhythm ${every} ${h}`, keepInTouchEveryDays: every },
          });
          await touchPeople(ctx, [person.id], last);
          const due = keepInTouchDue(
            {
              permission: 'unknown',
              everyDays: every,
              lastInteraction: localDate(last, timeZone),
              met: false,
            },
            60,
          )!;
          if (due <= today) expected.due.push(`keep_in_touch:${person.id}:${due}`);
          else if (due <= horizon) expected.upcoming.push(`keep_in_touch:${person.id}:${due}`);
        }
      }
      const agenda = await todayAgenda(ctx, { full: ['keep_in_touch', 'upcoming'] });
      const keys = (items: { kind: string; key: string }[]) =>
        items
          .filter((i) => i.kind === 'keep_in_touch')
          .map((i) => i.key)
          .sort();
      expect(keys(agenda.items), timeZone).toEqual(expected.due.sort());
      expect(keys(agenda.upcoming), timeZone).toEqual(expected.upcoming.sort());
      // Both sides of the horizon are in the list above.
      expect(expected.upcoming.length, timeZone).toBeGreaterThan(10);
      expect(expected.due.length + expected.upcoming.length, timeZone).toBeLessThan(6 * 25);
    }
  });
});
