import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdMeeting, sendRequest } from '../../../test/agenda.js';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { conversationParticipants, conversations, people, reminderStates } from '../../db/schema.js';
import { addCalendarDays, localDate } from '../../domain/business-days.js';
import { MET_STATUSES } from '../../domain/meeting-reminders.js';
import { keepInTouchDue } from '../../domain/relationship.js';
import type { Ctx } from '../context.js';
import { createConversation } from '../conversations/conversations.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createPerson } from '../people/people.js';
import { getSettings, updateSettings } from '../settings/settings.js';
import { createTask } from '../tasks/tasks.js';
import { type Agenda, type AgendaGroup, type AgendaOptions, todayAgenda, UPCOMING_DAYS } from './agenda.js';
import { answerReminder } from './reminders.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
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
 * A workspace in `timeZone` with a holiday, where every group has more items than a cap of 3:
 * keep-in-touch people due long ago, today and in the coming week, on their own rhythm, on the
 * default one and met in a meeting, made at hours near midnight in the zone and across its clock
 * change; follow-ups, tasks and report-backs (several due the same day) and meetings. Auckland is
 * a day ahead of UTC, Los Angeles behind it.
 */
async function richWorkspace(timeZone: string): Promise<string[]> {
  ctx = await t.otherWorkspace();
  t.clock.set('2026-06-01T09:00:00Z');
  await updateSettings({
    ...ctx,
    input: { timeZone, holidays: ['2026-11-27'], keepInTouchDefaultDays: 60 },
  });
  const names: string[] = [];
  const person = async (fullName: string, input: Record<string, unknown>) => {
    names.push(fullName);
    return createPerson({ ...ctx, input: { fullName, ...input } });
  };
  // Created on different days, so their due dates spread over the past and the coming week;
  // several share a day, so the order within a day matters too.
  for (let d = 0; d < 12; d++) {
    // 22:30, 07:30 and 11:30 UTC: about midnight in Auckland, in Los Angeles, or neither.
    t.clock.set(new Date(Date.parse('2026-09-20T22:30:00Z') + d * 4 * DAY + (d % 3) * 9 * HOUR));
    await person(`Yes ${d}a`, { keepInTouch: 'yes' });
    await person(`Yes ${d}b`, { keepInTouch: 'yes' });
    await person(`Own ${d}`, { keepInTouch: 'unknown', keepInTouchEveryDays: 30 + d });
  }
  // People met in a held meeting, on the default rhythm from the meeting.
  for (let d = 0; d < 6; d++) {
    t.clock.set(new Date(Date.parse('2026-09-25T20:00:00Z') + d * 5 * DAY));
    const p = await person(`Met ${d}`, {});
    await holdMeeting(ctx, t.clock, p.id, timeZone);
  }
  // Requests never answered: follow-ups and second contacts, counted in business days.
  for (let d = 0; d < 8; d++) {
    t.clock.set(new Date(Date.parse('2026-11-09T21:00:00Z') + d * DAY));
    const p = await person(`Waiting ${d}`, {});
    await sendRequest(ctx, p.id, `Request ${d}`);
  }
  t.clock.set('2026-11-25T20:00:00Z'); // Thursday 26 November, 9 am in Auckland.
  for (let i = 0; i < 10; i++) {
    await createTask({
      ...ctx,
      input: { title: `Task ${i}`, dueOn: `2026-11-${String(20 + i).padStart(2, '0')}` },
    });
  }
  // Several due the same day: the order they were made in decides, in the cut as in the whole.
  for (let i = 0; i < 9; i++) {
    t.clock.advance(60_000);
    await createTask({
      ...ctx,
      input: {
        title: `Report back ${i}`,
        kind: 'report_back',
        dueOn: `2026-11-${[22, 23, 26, 29][i % 4]}`,
      },
    });
    await createTask({ ...ctx, input: { title: `Same day ${i}`, dueOn: '2026-11-24' } });
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
        timeZone,
        medium: 'video',
      },
    });
  }
  return names;
}

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])(
  'Today cut to the first items of each group, in %s',
  (timeZone) => {
    it('gives what the whole agenda cut in JavaScript gives, with the same totals, whatever is answered', async () => {
      await richWorkspace(timeZone);
      const whole = await todayAgenda(ctx);
      for (const kind of ['keep_in_touch', 'follow_up', 'task', 'report_back', 'thank_you'] as const) {
        expect(whole.items.filter((i) => i.kind === kind).length, kind).toBeGreaterThan(3);
      }
      expect(whole.upcoming.filter((i) => i.kind === 'keep_in_touch').length).toBeGreaterThan(3);
      expect(whole.upcoming.filter((i) => i.kind !== 'keep_in_touch').length).toBeGreaterThan(0);
      expect(whole.upcoming.filter((i) => i.kind === 'report_back').length).toBeGreaterThan(0);

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
        { key: whole.items.filter((i) => i.kind === 'task')[4]!.key, action: 'dismiss' as const },
        { key: whole.items.filter((i) => i.kind === 'report_back')[1]!.key, action: 'snooze' as const },
        { key: whole.upcoming.find((i) => i.kind === 'report_back')!.key, action: 'dismiss' as const },
        { key: whole.items.find((i) => i.kind === 'thank_you')!.key, action: 'dismiss' as const },
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
        { cap: 2, full: ['report_back', 'upcoming'] },
        { cap: 50 },
        // None of a group asked for: its totals still come, as when it is cut.
        { cap: 0 },
        { cap: 0, full: ['keep_in_touch', 'task'] },
        { cap: 0, full: ['upcoming'] },
      ];
      for (const ask of asks) {
        const capped = await todayAgenda(ctx, ask);
        expect(capped, JSON.stringify(ask)).toEqual(cut(after, ask.cap!, ask.full));
      }
    }, 120_000);

    it("shows each person's keep-in-touch reminder on the date the domain rule gives, in the zone", async () => {
      // The group's due dates are worked out in SQL; keepInTouchDue is the rule written down. Every
      // person of the workspace is put through the rule here, and the whole agenda must agree.
      const agenda = await todayAgenda(ctx);
      const { keepInTouchDefaultDays } = await getSettings(ctx);
      const horizon = addCalendarDays(agenda.today, UPCOMING_DAYS);
      const everyone = await ctx.db.select().from(people).where(eq(people.workspaceId, ctx.workspaceId));
      const metRows = await ctx.db
        .select({ personId: conversationParticipants.personId })
        .from(conversationParticipants)
        .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
        .where(inArray(conversations.status, [...MET_STATUSES]));
      const met = new Set(metRows.map((r) => r.personId));
      const expected: string[] = [];
      for (const p of everyone) {
        const due = keepInTouchDue(
          {
            permission: p.keepInTouch,
            everyDays: p.keepInTouchEveryDays,
            lastInteraction: localDate(p.lastInteractionAt ?? p.createdAt, timeZone),
            met: met.has(p.id),
          },
          keepInTouchDefaultDays,
        );
        if (due !== null && due <= horizon) expected.push(`keep_in_touch:${p.id}:${due}`);
      }
      const shown = [...agenda.items, ...agenda.upcoming].filter((i) => i.kind === 'keep_in_touch');
      for (const i of shown) expect(i.key.endsWith(`:${i.dueDate}`)).toBe(true);
      // Answered reminders are left out of the agenda: they are put back for the comparison.
      const states = await ctx.db
        .select({ key: reminderStates.ruleKey })
        .from(reminderStates)
        .where(eq(reminderStates.workspaceId, ctx.workspaceId));
      const shownKeys = shown.map((i) => i.key);
      const hidden = states.map((r) => r.key).filter((k) => expected.includes(k) && !shownKeys.includes(k));
      expect(expected.length).toBeGreaterThan(10);
      expect([...shownKeys, ...hidden].sort()).toEqual(expected.sort());
    });
  },
);
