import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { AppError } from '../../domain/errors.js';
import { createApp } from '../../server/app.js';
import { todayAgenda } from '../agenda/agenda.js';
import { createConversation, getConversation } from '../conversations/conversations.js';
import { createPerson, getPerson } from '../people/people.js';
import { createTask, listTasks, updateTask } from '../tasks/tasks.js';
import { scheduleMeeting } from './meetings.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

async function send<T>(method: string, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await app.request(`http://localhost:4310${path}`, {
    method,
    headers: { host: 'localhost:4310', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function conversationWith(name: string) {
  const p = await createPerson({ ...t.ctx, input: { fullName: name } });
  const c = await createConversation({
    ...t.ctx,
    input: { type: 'learn_role', participantIds: [p.id], title: `Coffee with ${name}` },
  });
  return { p, c };
}

describe('a meeting whose start has passed', () => {
  it('is refused without being told it happened, and recorded as held when told', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const { p, c } = await conversationWith('Pia Past');
    const yesterday = {
      startsAt: new Date('2026-11-22T15:00:00Z'),
      timeZone: 'UTC',
      medium: 'coffee' as const,
    };

    const refused = await scheduleMeeting({ ...t.ctx, conversationId: c.id, input: yesterday }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.userMessage).toMatch(/This time has passed: 2026-11-22 15:00 \(UTC\)/);
    expect(refused.userMessage).toMatch(/alreadyHappened: true/);
    // Nothing was saved: the conversation is still an idea with no meeting, and nothing is upcoming.
    const still = await getConversation({ ...t.ctx, id: c.id });
    expect(still.status).toBe('idea');
    expect(still.meeting).toBeNull();

    const recorded = await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: { ...yesterday, alreadyHappened: true },
    });
    expect(recorded.conversation.status).toBe('held');
    expect(recorded.conversation.meeting?.startsAt.toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(recorded.conversation.history.at(-1)?.note).toBe('Recorded after the meeting took place');
    // As after answering Held: the thank-you is due, no "did it happen?" question, no meeting listed.
    const agenda = await todayAgenda(t.ctx);
    const mine = [...agenda.items, ...agenda.upcoming].filter((i) => i.conversationId === c.id);
    expect(mine.map((i) => i.kind)).toEqual(['thank_you']);
    expect((await getPerson({ ...t.ctx, id: p.id })).lastInteractionAt?.toISOString()).toBe(
      '2026-11-22T15:00:00.000Z',
    );
  });

  it('through the API: a 400 that says what to do, then alreadyHappened records it; a future start cannot claim it', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const { c } = await conversationWith('Ana Api');
    const body = { startsAt: '2026-11-23T08:30:00Z', timeZone: 'Europe/Paris', medium: 'video' };
    const refused = await send<{
      error: { message: string; issues: { field: string }[]; details: { startHasPassed: boolean } };
    }>('PUT', `/api/conversations/${c.id}/meeting`, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/2026-11-23 09:30 \(Europe\/Paris\) is before now/);
    expect(refused.body.error.issues.map((i) => i.field)).toEqual(['startsAt']);
    expect(refused.body.error.details.startHasPassed).toBe(true);

    const future = await send<{ error: { message: string } }>('PUT', `/api/conversations/${c.id}/meeting`, {
      ...body,
      startsAt: '2026-11-24T08:30:00Z',
      alreadyHappened: true,
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/has not come yet/);

    const ok = await send<{ conversation: { status: string } }>('PUT', `/api/conversations/${c.id}/meeting`, {
      ...body,
      alreadyHappened: true,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.conversation.status).toBe('held');
  });
});

describe('a task due in the past', () => {
  it('is saved and shows as overdue at once, in the answer, the list and Today', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const task = await createTask({
      ...t.ctx,
      input: { title: 'Send the article I promised', dueOn: '2026-11-20' },
    });
    expect(task.overdue).toBe(true);
    const listed = (await listTasks(t.ctx)).find((x) => x.id === task.id);
    expect(listed?.overdue).toBe(true);
    const item = (await todayAgenda(t.ctx)).items.find((i) => i.taskId === task.id);
    expect(item?.overdue).toBe(true);

    const created = await send<{ id: string; overdue: boolean; dueToday: boolean; version: number }>(
      'POST',
      '/api/tasks',
      { title: 'Book the support shift', dueOn: '2026-11-22' },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ overdue: true, dueToday: false });
    const moved = await send<{ overdue: boolean; dueToday: boolean }>(
      'PATCH',
      `/api/tasks/${created.body.id}`,
      {
        dueOn: '2026-11-23',
        version: created.body.version,
      },
    );
    expect(moved.body).toMatchObject({ overdue: false, dueToday: true });
    const done = await updateTask({ ...t.ctx, id: task.id, input: { done: true } });
    expect(done.overdue).toBe(false);
  });
});
