import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { createApp } from '../../app.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

async function send<T = unknown>(method: string, path: string, body?: unknown) {
  const res = await app.request(`http://localhost:4310${path}`, {
    method,
    headers: { host: 'localhost:4310', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T };
}

interface Agenda {
  items: { key: string; kind: string; title: string; conversationId: string | null; answers: string[] }[];
}

describe('GET /api/agenda: did the meeting happen?', () => {
  it('lists the question with its key and answers; Held through the move route brings the thank-you', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const person = await send<{ id: string }>('POST', '/api/people', { fullName: 'Ola Api' });
    const conv = await send<{ id: string }>('POST', '/api/conversations', {
      type: 'learn_role',
      participantIds: [person.body.id],
    });
    const id = conv.body.id;
    await send('PUT', `/api/conversations/${id}/meeting`, {
      startsAt: '2026-11-23T15:00:00+01:00',
      timeZone: 'Europe/Paris',
      medium: 'video',
    });

    t.clock.set('2026-11-24T08:00:00Z');
    const before = await send<Agenda>('GET', '/api/agenda');
    const question = before.body.items.find((i) => i.kind === 'meeting_outcome');
    expect(question).toMatchObject({
      key: `meeting_outcome:${id}:2026-11-23T14:00:00.000Z`,
      title: 'Did your meeting with Ola Api happen?',
      conversationId: id,
      answers: ['held', 'moved', 'cancelled'],
    });
    expect(before.body.items.some((i) => i.kind === 'thank_you')).toBe(false);

    const done = await send<{ error: { message: string } }>('POST', '/api/agenda/answer', {
      key: question!.key,
      action: 'done',
    });
    expect(done.status).toBe(422);
    expect(done.body.error.message).toMatch(/held or cancelled/);

    expect((await send('POST', `/api/conversations/${id}/move`, { to: 'held' })).status).toBe(200);
    const after = await send<Agenda>('GET', '/api/agenda');
    expect(after.body.items.map((i) => [i.kind, i.title])).toEqual([['thank_you', 'Thank Ola Api']]);
  });
});

describe('POST /api/agenda/answer: undo', () => {
  it('brings a snoozed item back at once, before the snooze runs out', async () => {
    t.clock.set('2026-12-01T09:00:00Z');
    const task = await send<{ id: string }>('POST', '/api/tasks', {
      title: 'Send Ola the article',
      dueOn: '2026-12-01',
    });
    const key = `task:${task.body.id}`;
    const titles = async () => (await send<Agenda>('GET', '/api/agenda')).body.items.map((i) => i.title);
    expect(await titles()).toContain('Send Ola the article');

    expect((await send('POST', '/api/agenda/answer', { key, action: 'snooze' })).status).toBe(204);
    expect(await titles()).not.toContain('Send Ola the article');

    expect((await send('POST', '/api/agenda/answer', { key, action: 'reopen' })).status).toBe(204);
    expect(await titles()).toContain('Send Ola the article');
    // Nothing of the snooze is left: a day later the item is still there, and still not done.
    t.clock.set('2026-12-02T09:30:00Z');
    expect(await titles()).toContain('Send Ola the article');
  });
});
