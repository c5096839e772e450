import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../../test/agenda.js';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createApp } from '../../server/app.js';
import type { Ctx } from '../context.js';
import { createOrganization } from '../organizations/organizations.js';
import { createPerson } from '../people/people.js';
import { createTask } from '../tasks/tasks.js';
import { AGENDA_GROUP_CAP, todayAgenda } from './agenda.js';
import { answerReminder } from './reminders.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let ctx: Ctx;

beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => ctx, webDir: null });
});
afterAll(() => t.close());

interface AgendaAnswer {
  items: { key: string; kind: string; title: string; dueDate: string; overdue: boolean }[];
  upcoming: { key: string; title: string; dueDate: string }[];
  totals: Record<string, number>;
  overdue: number;
}

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await app.request(`http://localhost:4310${path}`, { headers: { host: 'localhost:4310' } });
  return { status: res.status, body: (await res.json()) as T };
}

const followUps = (items: { kind: string; title: string }[]) =>
  items.filter((i) => i.kind === 'follow_up').map((i) => i.title);

/**
 * 120 requests that never got an answer, sent over four weeks (30 a week, Mondays, without an
 * organization so only the follow-up is due), and 60 tasks due in the coming week.
 */
async function longAgenda(): Promise<string[]> {
  ctx = await t.otherWorkspace();
  const sentOn = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
  const expected: string[] = [];
  for (const [week, day] of sentOn.entries()) {
    t.clock.set(`${day}T09:00:00Z`);
    for (let i = 0; i < 30; i++) {
      const name = `Waiting ${week}-${String(i).padStart(2, '0')}`;
      const p = await createPerson({ ...ctx, input: { fullName: name } });
      await sendRequest(ctx, p.id, `Talk with ${name}`);
      expected.push(`Follow up: Talk with ${name}`);
    }
  }
  t.clock.set('2026-11-30T09:00:00Z'); // Monday: every follow-up is due, the oldest for weeks.
  for (let i = 0; i < 60; i++) {
    await createTask({ ...ctx, input: { title: `Later ${i}`, dueOn: `2026-12-0${1 + (i % 5)}` } });
  }
  return expected;
}

describe('Today with long groups', () => {
  it('gives the first items of each long group with its total, and the whole group on asking', async () => {
    const expected = await longAgenda();

    const whole = await todayAgenda(ctx);
    // The most overdue first: the order one works through them.
    const dueDates = whole.items.filter((i) => i.kind === 'follow_up').map((i) => i.dueDate);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(followUps(whole.items).sort()).toEqual([...expected].sort());
    expect(whole.upcoming).toHaveLength(60);

    const capped = await todayAgenda(ctx, { cap: AGENDA_GROUP_CAP });
    expect(followUps(capped.items)).toEqual(followUps(whole.items).slice(0, AGENDA_GROUP_CAP));
    expect(capped.totals).toEqual({ follow_up: 120, upcoming: 60 });
    expect(capped.overdue).toBe(120);
    expect(capped.upcoming.map((i) => i.key)).toEqual(
      whole.upcoming.slice(0, AGENDA_GROUP_CAP).map((i) => i.key),
    );

    // Over the API: cut by default, whole groups when asked for by name.
    const first = await get<AgendaAnswer>('/api/agenda');
    expect(first.status).toBe(200);
    expect(followUps(first.body.items)).toEqual(followUps(whole.items).slice(0, AGENDA_GROUP_CAP));
    expect(first.body.totals).toEqual({ follow_up: 120, upcoming: 60 });
    expect(first.body.overdue).toBe(120);
    expect(first.body.upcoming).toHaveLength(AGENDA_GROUP_CAP);

    const rest = await get<AgendaAnswer>('/api/agenda?full=follow_up');
    expect(rest.status).toBe(200);
    expect(followUps(rest.body.items)).toEqual(followUps(whole.items));
    expect(rest.body.upcoming).toHaveLength(AGENDA_GROUP_CAP);
    const all = await get<AgendaAnswer>('/api/agenda?full=all');
    expect(all.body.upcoming.map((i) => i.key)).toEqual(whole.upcoming.map((i) => i.key));

    const wrong = await get<{ error: { message: string } }>('/api/agenda?full=everything');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/everything/);

    // An item past the first ones is answered like any other, and the totals follow.
    const late = rest.body.items.filter((i) => i.kind === 'follow_up')[100]!;
    await answerReminder({ ...ctx, key: late.key, action: 'snooze' });
    const after = await get<AgendaAnswer>('/api/agenda?full=follow_up');
    expect(after.body.totals.follow_up).toBe(119);
    expect(after.body.items.map((i) => i.key)).not.toContain(late.key);
  }, 120_000);
});

describe('a second contact on Today', () => {
  it('names the organization where to find someone else, with no other request needed', async () => {
    ctx = await t.otherWorkspace();
    t.clock.set('2026-11-23T09:00:00Z'); // Monday
    const org = await createOrganization({ ...ctx, input: { name: 'Harbor Analytics' } });
    const p = await createPerson({ ...ctx, input: { fullName: 'Mina Sato', organizationId: org.id } });
    const c = await sendRequest(ctx, p.id, 'Analytics at Harbor');
    t.clock.set('2026-11-26T09:00:00Z'); // Thursday: three business days without an answer.
    const res = await get<{
      items: { kind: string; conversationId: string; organizationId: string | null }[];
    }>('/api/agenda');
    expect(res.body.items.filter((i) => i.kind === 'second_contact')).toEqual([
      expect.objectContaining({ conversationId: c.id, organizationId: org.id }),
    ]);
  });
});
