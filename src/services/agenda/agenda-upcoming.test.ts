import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../../test/agenda.js';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createApp } from '../../server/app.js';
import type { Ctx } from '../context.js';
import { createConversation } from '../conversations/conversations.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createOrganization } from '../organizations/organizations.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { updateSettings } from '../settings/settings.js';
import { createTask } from '../tasks/tasks.js';
import { conversationFollowUps, todayAgenda } from './agenda.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let ctx: Ctx;

beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => ctx, webDir: null });
});
afterAll(() => t.close());

/** A workspace of its own in Paris, so each test sees only its own items. */
async function workspace(): Promise<Ctx> {
  ctx = await t.otherWorkspace();
  await updateSettings({ ...ctx, input: { timeZone: 'Europe/Paris', holidays: ['2026-12-25'] } });
  return ctx;
}

/** A request to someone at an organization, sent now. */
async function request(name: string) {
  const org = await createOrganization({ ...ctx, input: { name: `${name}'s employer` } });
  const p = await createPerson({ ...ctx, input: { fullName: name, organizationId: org.id } });
  const c = await sendRequest(ctx, p.id, `Talk with ${name}`);
  return { p, c };
}

const titles = (items: { kind: string; title: string; dueDate: string }[]) =>
  items.map((i) => `${i.dueDate} ${i.kind}: ${i.title}`);

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await app.request(`http://localhost:4310${path}`, { headers: { host: 'localhost:4310' } });
  return { status: res.status, body: (await res.json()) as T };
}

describe('coming up this week', () => {
  it('shows the second contact and the follow-up before they fall due, by the same 3B7 rule as Today', async () => {
    await workspace();
    t.clock.set('2026-11-23T09:00:00Z'); // Monday
    const { c } = await request('Rosa Waiting');

    // On the conversation: the dates the rule gives, none due yet.
    expect((await conversationFollowUps({ ...ctx, conversationId: c.id })).steps).toEqual([
      { kind: 'second_contact', dueDate: '2026-11-26', due: false },
      { kind: 'follow_up', dueDate: '2026-12-02', due: false },
    ]);
    const api = await get<{ steps: { kind: string; dueDate: string; due: boolean }[] }>(
      `/api/conversations/${c.id}/follow-ups`,
    );
    expect(api.status).toBe(200);
    expect(api.body.steps.map((s) => s.dueDate)).toEqual(['2026-11-26', '2026-12-02']);

    // On Today: nothing due; Thursday's second contact is coming up, the follow-up is beyond the week.
    let agenda = await todayAgenda(ctx);
    expect(titles(agenda.items)).toEqual([]);
    expect(titles(agenda.upcoming)).toEqual([
      '2026-11-26 second_contact: Reach a second person: Talk with Rosa Waiting',
    ]);

    // Thursday: the second contact is due and leaves "coming up"; the follow-up (next Wednesday) joins it.
    t.clock.set('2026-11-26T08:00:00Z');
    agenda = await todayAgenda(ctx);
    expect(titles(agenda.items)).toEqual([
      '2026-11-26 second_contact: Reach a second person: Talk with Rosa Waiting',
    ]);
    expect(titles(agenda.upcoming)).toEqual(['2026-12-02 follow_up: Follow up: Talk with Rosa Waiting']);
    expect((await conversationFollowUps({ ...ctx, conversationId: c.id })).steps).toEqual([
      { kind: 'second_contact', dueDate: '2026-11-26', due: true },
      { kind: 'follow_up', dueDate: '2026-12-02', due: false },
    ]);

    // A reply ends the chase: nothing on the conversation, nothing coming up.
    const rosa = agenda.items[0]!;
    await logMessage({
      ...ctx,
      input: {
        personId: rosa.personId!,
        conversationId: c.id,
        channel: 'email',
        direction: 'in',
        purpose: 'reply',
      },
    });
    expect((await conversationFollowUps({ ...ctx, conversationId: c.id })).steps).toEqual([]);
    agenda = await todayAgenda(ctx);
    expect(titles(agenda.upcoming).filter((s) => s.includes('Rosa'))).toEqual([]);
  });

  it('lists the week’s meetings, their confirmations, tasks and keep-in-touch, by day; the API and Today agree', async () => {
    await workspace();
    // Someone who asked to hear from you every 30 days, last on 28 October: due Friday 27 November.
    t.clock.set('2026-10-28T10:00:00Z');
    await createPerson({
      ...ctx,
      input: { fullName: 'Kai Monthly', keepInTouch: 'yes', keepInTouchEveryDays: 30 },
    });
    t.clock.set('2026-11-23T09:00:00Z'); // Monday
    const p = await createPerson({ ...ctx, input: { fullName: 'Lena Meeting' } });
    const c = await createConversation({
      ...ctx,
      input: { type: 'learn_role', participantIds: [p.id], title: 'Meet Lena' },
    });
    await scheduleMeeting({
      ...ctx,
      conversationId: c.id,
      input: { startsAt: new Date('2026-11-27T14:00:00Z'), timeZone: 'Europe/Paris', medium: 'video' },
    });
    await createTask({ ...ctx, input: { title: 'Send the portfolio link', dueOn: '2026-11-25' } });
    await createTask({ ...ctx, input: { title: 'Too far ahead', dueOn: '2026-12-05' } });
    await createTask({ ...ctx, input: { title: 'Due today', dueOn: '2026-11-23' } });

    const agenda = await todayAgenda(ctx);
    expect(titles(agenda.items)).toEqual(['2026-11-23 task: Due today']);
    expect(titles(agenda.upcoming)).toEqual([
      '2026-11-25 task: Send the portfolio link',
      "2026-11-26 confirm_meeting: Confirm Friday's meeting: Meet Lena",
      '2026-11-27 meeting: Friday: Meet Lena',
      '2026-11-27 keep_in_touch: Keep in touch with Kai Monthly',
    ]);
    expect(agenda.upcoming.every((i) => !i.overdue)).toBe(true);

    const api = await get<{ items: unknown[]; upcoming: { key: string; title: string; dueDate: string }[] }>(
      '/api/agenda',
    );
    expect(api.status).toBe(200);
    expect(api.body.upcoming.map((i) => i.key)).toEqual(agenda.upcoming.map((i) => i.key));

    // Thursday: the confirmation is due today and the meeting is tomorrow, both on Today now.
    t.clock.set('2026-11-26T08:00:00Z');
    const thursday = await todayAgenda(ctx);
    expect(titles(thursday.items)).toEqual(
      expect.arrayContaining([
        '2026-11-27 meeting: Tomorrow: Meet Lena',
        "2026-11-26 confirm_meeting: Confirm tomorrow's meeting: Meet Lena",
      ]),
    );
    expect(titles(thursday.upcoming)).toEqual(['2026-11-27 keep_in_touch: Keep in touch with Kai Monthly']);
  });

  it('says a conversation that is not there is not found', async () => {
    await workspace();
    const res = await get<{ error: { message: string } }>(
      '/api/conversations/00000000-0000-4000-8000-000000000000/follow-ups',
    );
    expect(res.status).toBe(404);
  });
});
