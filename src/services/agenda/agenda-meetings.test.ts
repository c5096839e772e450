import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parisWorkspace } from '../../../test/agenda.js';
import { openTestDb, type TestDb } from '../../../test/db.js';
import type { Ctx } from '../context.js';
import { createConversation, moveConversation } from '../conversations/conversations.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { getPrep, updatePrep } from '../meetings/prep.js';
import { createPerson } from '../people/people.js';
import { todayAgenda } from './agenda.js';
import { answerReminder } from './reminders.js';

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

/** A workspace of its own per test, in Paris with Christmas off, so items never mix. */
const workspace = () => parisWorkspace(t, { holidays: ['2026-12-25'] });

async function meetingWith(ctx: Ctx, names: string[], startsAt: string) {
  const people = [];
  for (const fullName of names) people.push(await createPerson({ ...ctx, input: { fullName } }));
  const c = await createConversation({
    ...ctx,
    input: { type: 'learn_role', participantIds: people.map((p) => p.id), title: `Talk with ${names[0]}` },
  });
  await scheduleMeeting({
    ...ctx,
    conversationId: c.id,
    input: { startsAt: new Date(startsAt), timeZone: 'Europe/Paris', medium: 'video' },
  });
  return { c, people };
}

async function items(ctx: Ctx) {
  return (await todayAgenda(ctx)).items;
}

describe('did the meeting happen?', () => {
  it('asks once the meeting is over, keeps asking the next days, and Held brings the thank-yous', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const ctx = await workspace();
    const { c } = await meetingWith(ctx, ['Ada Lane', 'Bea Moss'], '2026-11-24T14:00:00Z');

    t.clock.set('2026-11-24T14:20:00Z'); // still in the meeting
    expect((await items(ctx)).map((i) => i.kind)).toEqual(['meeting']);

    t.clock.set('2026-11-25T08:00:00Z'); // the next morning, nothing marked
    const [question, ...rest] = await items(ctx);
    expect(rest).toEqual([]);
    expect(question).toMatchObject({
      kind: 'meeting_outcome',
      title: 'Did your meeting with Ada Lane and Bea Moss happen?',
      conversationId: c.id,
      answers: ['held', 'moved', 'cancelled'],
      overdue: true,
    });
    expect(question!.key).toBe(`meeting_outcome:${c.id}:2026-11-24T14:00:00.000Z`);
    expect(question!.people.map((p) => p.fullName)).toEqual(['Ada Lane', 'Bea Moss']);

    // It cannot be ticked off or dismissed unanswered; days later it is still there.
    for (const action of ['done', 'dismiss'] as const) {
      await expect(answerReminder({ ...ctx, key: question!.key, action })).rejects.toMatchObject({
        code: 'illegal_transition',
      });
    }
    t.clock.set('2026-11-27T08:00:00Z');
    expect((await items(ctx)).map((i) => i.kind)).toEqual(['meeting_outcome']);

    await moveConversation({ ...ctx, id: c.id, to: 'held' });
    const after = await items(ctx);
    expect(after.some((i) => i.kind === 'meeting_outcome')).toBe(false);
    expect(
      after
        .filter((i) => i.kind === 'thank_you')
        .map((i) => i.title)
        .sort(),
    ).toEqual(['Thank Ada Lane', 'Thank Bea Moss']);
  });

  it('Moved takes the new time: the question waits until the new meeting is over', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const ctx = await workspace();
    const { c } = await meetingWith(ctx, ['Cy Moved'], '2026-11-24T10:00:00Z');
    t.clock.set('2026-11-25T08:00:00Z');
    expect((await items(ctx)).map((i) => i.title)).toEqual(['Did your meeting with Cy Moved happen?']);

    await scheduleMeeting({
      ...ctx,
      conversationId: c.id,
      input: { startsAt: new Date('2026-11-26T10:00:00Z'), timeZone: 'Europe/Paris', medium: 'phone' },
    });
    const moved = await items(ctx);
    expect(moved.map((i) => i.kind).sort()).toEqual(['confirm_meeting', 'meeting']);
    expect(moved.find((i) => i.kind === 'meeting')?.title).toBe('Tomorrow: Talk with Cy Moved');

    t.clock.set('2026-11-26T10:31:00Z');
    const again = await items(ctx);
    expect(again.map((i) => [i.kind, i.key])).toEqual([
      ['meeting_outcome', `meeting_outcome:${c.id}:2026-11-26T10:00:00.000Z`],
    ]);
    expect(again.some((i) => i.kind === 'thank_you')).toBe(false);
  });

  it('Cancelled closes it with no thank-you', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const ctx = await workspace();
    const { c } = await meetingWith(ctx, ['Dee Cancel'], '2026-11-23T15:00:00Z');
    t.clock.set('2026-11-23T16:00:00Z');
    expect((await items(ctx)).map((i) => i.kind)).toEqual(['meeting_outcome']);
    await moveConversation({ ...ctx, id: c.id, to: 'cancelled' });
    expect(await items(ctx)).toEqual([]);
  });
});

describe('confirming a meeting', () => {
  it('a Monday meeting is confirmed on the Friday before, and stays until confirmed', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const ctx = await workspace();
    // 00:30 on Monday in Paris is still Sunday in UTC: the user's zone decides the day.
    const { c } = await meetingWith(ctx, ['Eve Monday'], '2026-11-29T23:30:00Z');
    const confirms = async () =>
      (await items(ctx))
        .filter((i) => i.kind === 'confirm_meeting')
        .map((i) => [i.title, i.dueDate, i.overdue]);

    t.clock.set('2026-11-26T10:00:00Z'); // Thursday
    expect(await confirms()).toEqual([]);
    // The meeting's checklist names the same day.
    const checklist = await getPrep({ ...ctx, conversationId: c.id });
    expect(checklist.items.find((i) => i.key === 'confirm')?.detail).toMatch(/on Friday 27 November/);
    t.clock.set('2026-11-27T10:00:00Z'); // Friday
    expect(await confirms()).toEqual([
      ["Confirm Monday's meeting: Talk with Eve Monday", '2026-11-27', false],
    ]);
    t.clock.set('2026-11-29T10:00:00Z'); // Sunday: still to do
    expect(await confirms()).toEqual([
      ["Confirm tomorrow's meeting: Talk with Eve Monday", '2026-11-27', true],
    ]);
    await updatePrep({ ...ctx, conversationId: c.id, answers: { confirmed: true } });
    expect(await confirms()).toEqual([]);
  });

  it('skips a holiday: a meeting after Christmas Friday is confirmed on the Thursday', async () => {
    t.clock.set('2026-12-21T09:00:00Z');
    const ctx = await workspace();
    await meetingWith(ctx, ['Fay Holiday'], '2026-12-28T10:00:00Z'); // Monday
    const confirms = async () => (await items(ctx)).filter((i) => i.kind === 'confirm_meeting');
    t.clock.set('2026-12-23T10:00:00Z'); // Wednesday
    expect(await confirms()).toEqual([]);
    t.clock.set('2026-12-24T10:00:00Z'); // Thursday, the last business day before the meeting
    expect((await confirms()).map((i) => i.dueDate)).toEqual(['2026-12-24']);
  });
});
