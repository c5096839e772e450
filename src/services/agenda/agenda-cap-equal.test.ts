import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import type { Ctx } from '../context.js';
import { createConversation, moveConversation } from '../conversations/conversations.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { updateSettings } from '../settings/settings.js';
import { createTask } from '../tasks/tasks.js';
import { type Agenda, type AgendaGroup, type AgendaOptions, todayAgenda } from './agenda.js';
import { answerReminder } from './reminders.js';

const DAY = 86_400_000;
let t: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

/** The whole agenda cut in plain JavaScript: what a capped answer must be, item for item. */
function cut(whole: Agenda, cap: number, full: readonly AgendaGroup[] = []): Agenda {
  const taken = new Map<string, number>();
  const items = whole.items.filter((i) => {
    if (full.includes(i.kind)) return true;
    const n = (taken.get(i.kind) ?? 0) + 1;
    taken.set(i.kind, n);
    return n <= cap;
  });
  const upcoming = full.includes('upcoming') ? whole.upcoming : whole.upcoming.slice(0, cap);
  return { ...whole, items, upcoming };
}

/**
 * A workspace in Auckland (a day ahead of UTC) with a holiday, where every group has more items
 * than a cap of 3: keep-in-touch people due long ago, today and in the coming week, on their own
 * rhythm, on the default one and met in a meeting; follow-ups, tasks and meetings; and answers of
 * every kind (snoozed, snoozed but run out, dismissed, done) on items inside and outside the cut.
 */
async function richWorkspace(): Promise<string[]> {
  ctx = await t.otherWorkspace();
  t.clock.set('2026-06-01T09:00:00Z');
  await updateSettings({
    ...ctx,
    input: { timeZone: 'Pacific/Auckland', holidays: ['2026-11-27'], keepInTouchDefaultDays: 60 },
  });
  const names: string[] = [];
  const person = async (fullName: string, input: Record<string, unknown>) => {
    names.push(fullName);
    return createPerson({ ...ctx, input: { fullName, ...input } });
  };
  // Created on different days, so their due dates spread over the past and the coming week;
  // several share a day, so the order within a day matters too.
  for (let d = 0; d < 12; d++) {
    t.clock.set(new Date(Date.parse('2026-09-20T22:30:00Z') + d * 4 * DAY));
    await person(`Yes ${d}a`, { keepInTouch: 'yes' });
    await person(`Yes ${d}b`, { keepInTouch: 'yes' });
    await person(`Own ${d}`, { keepInTouch: 'unknown', keepInTouchEveryDays: 30 + d });
  }
  // People met in a held meeting, on the default rhythm from the meeting.
  for (let d = 0; d < 6; d++) {
    t.clock.set(new Date(Date.parse('2026-09-25T20:00:00Z') + d * 5 * DAY));
    const p = await person(`Met ${d}`, {});
    const c = await createConversation({ ...ctx, input: { type: 'explore_career', participantIds: [p.id] } });
    await scheduleMeeting({
      ...ctx,
      conversationId: c.id,
      input: {
        startsAt: new Date(t.clock.now().getTime() + 3_600_000),
        timeZone: 'Pacific/Auckland',
        medium: 'phone',
      },
    });
    t.clock.advance(2 * 3_600_000);
    await moveConversation({ ...ctx, id: c.id, to: 'held' });
  }
  // Requests never answered: follow-ups and second contacts, counted in business days.
  for (let d = 0; d < 8; d++) {
    t.clock.set(new Date(Date.parse('2026-11-09T21:00:00Z') + d * DAY));
    const p = await person(`Waiting ${d}`, {});
    const c = await createConversation({
      ...ctx,
      input: { type: 'learn_company', participantIds: [p.id], title: `Request ${d}` },
    });
    await logMessage({
      ...ctx,
      input: { personId: p.id, conversationId: c.id, channel: 'email', direction: 'out', purpose: 'request' },
    });
  }
  t.clock.set('2026-11-25T20:00:00Z'); // Thursday 26 November, 9 am in Auckland.
  for (let i = 0; i < 10; i++) {
    await createTask({
      ...ctx,
      input: { title: `Task ${i}`, dueOn: `2026-11-${String(20 + i).padStart(2, '0')}` },
    });
  }
  // Meetings later this week, for "Coming up" and their confirmations.
  for (let d = 0; d < 4; d++) {
    const p = await person(`Meeting ${d}`, {});
    const c = await createConversation({ ...ctx, input: { type: 'explore_career', participantIds: [p.id] } });
    await scheduleMeeting({
      ...ctx,
      conversationId: c.id,
      input: {
        startsAt: new Date(Date.parse('2026-11-27T22:00:00Z') + d * DAY),
        timeZone: 'Pacific/Auckland',
        medium: 'video',
      },
    });
  }
  return names;
}

describe('Today cut to the first items of each group', () => {
  it('gives what the whole agenda cut in JavaScript gives, with the same totals, whatever is answered', async () => {
    await richWorkspace();
    const whole = await todayAgenda(ctx);
    for (const kind of ['keep_in_touch', 'follow_up', 'task', 'thank_you'] as const) {
      expect(whole.items.filter((i) => i.kind === kind).length, kind).toBeGreaterThan(3);
    }
    expect(whole.upcoming.filter((i) => i.kind === 'keep_in_touch').length).toBeGreaterThan(3);
    expect(whole.upcoming.filter((i) => i.kind !== 'keep_in_touch').length).toBeGreaterThan(0);

    // Answers inside and outside the first three of a group, and of "Coming up".
    const keepInTouch = whole.items.filter((i) => i.kind === 'keep_in_touch');
    const comingUp = whole.upcoming.filter((i) => i.kind === 'keep_in_touch');
    const answered = [
      { key: keepInTouch[0]!.key, action: 'dismiss' as const },
      { key: keepInTouch[2]!.key, action: 'snooze' as const },
      { key: keepInTouch[5]!.key, action: 'done' as const },
      { key: comingUp[1]!.key, action: 'snooze' as const },
      { key: whole.items.find((i) => i.kind === 'follow_up')!.key, action: 'dismiss' as const },
      { key: whole.items.find((i) => i.kind === 'task')!.key, action: 'snooze' as const },
    ];
    for (const a of answered) await answerReminder({ ...ctx, ...a });
    // A snooze that has run out: the item is back, in its place.
    await answerReminder({
      ...ctx,
      key: keepInTouch[1]!.key,
      action: 'snooze',
      until: new Date(t.clock.now().getTime() + 3_600_000),
    });
    t.clock.advance(2 * 3_600_000);

    const after = await todayAgenda(ctx);
    const shownKeys = [...after.items, ...after.upcoming].map((i) => i.key);
    for (const a of answered) expect(shownKeys).not.toContain(a.key);
    expect(shownKeys).toContain(keepInTouch[1]!.key);
    // Hidden items are not counted either.
    expect(after.totals.keep_in_touch).toBe(keepInTouch.length - 3);
    expect(after.totals.upcoming).toBe(after.upcoming.length);
    expect(after.overdue).toBe(after.items.filter((i) => i.overdue).length);

    const asks: AgendaOptions[] = [
      { cap: 3 },
      { cap: 1 },
      { cap: 3, full: ['keep_in_touch'] },
      { cap: 3, full: ['upcoming'] },
      { cap: 2, full: ['follow_up', 'task'] },
      { cap: 50 },
    ];
    for (const ask of asks) {
      const capped = await todayAgenda(ctx, ask);
      expect(capped, JSON.stringify(ask)).toEqual(cut(after, ask.cap!, ask.full));
    }
  }, 120_000);
});
