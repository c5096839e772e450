import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';
import { createPerson } from '../../../services/people/people.js';

let t: TestDb;
let send: Send;
let personId: string;
beforeAll(async () => {
  ({ t, send } = await openTestApi());
  personId = (await createPerson({ ...t.ctx, input: { fullName: 'Grace Hopper' } })).id;
});
afterAll(() => t.close());

interface TaskJson {
  id: string;
  title: string;
  version: number;
  personName: string | null;
  overdue: boolean;
  dueToday: boolean;
}

describe('GET /api/tasks', () => {
  it('returns one page with names and lateness, the total in X-Total-Count, and takes the filters', async () => {
    for (let i = 1; i <= 3; i++) {
      const res = await send('POST', '/api/tasks', {
        title: `Promise ${i}`,
        kind: 'promise_mine',
        dueOn: `2026-11-2${i}`,
        personId,
      });
      expect(res.status).toBe(201);
    }
    await send('POST', '/api/tasks', { title: 'Ask for the reading list', kind: 'promise_theirs' });

    const page = await send('GET', '/api/tasks?limit=2&offset=0');
    expect(page.headers.get('x-total-count')).toBe('4');
    const items = (await page.json()) as TaskJson[];
    expect(items.map((x) => [x.title, x.personName, x.overdue, x.dueToday])).toEqual([
      ['Promise 1', 'Grace Hopper', true, false],
      ['Promise 2', 'Grace Hopper', true, false],
    ]);
    const theirs = (await (await send('GET', '/api/tasks?kind=promise_theirs')).json()) as TaskJson[];
    expect(theirs.map((x) => x.title)).toEqual(['Ask for the reading list']);

    const first = items[0]!;
    const done = await send('PATCH', `/api/tasks/${first.id}`, { done: true, version: first.version });
    expect(done.status).toBe(200);
    const doneList = await send('GET', '/api/tasks?status=done');
    expect(((await doneList.json()) as TaskJson[]).map((x) => x.title)).toEqual(['Promise 1']);
    expect(doneList.headers.get('x-total-count')).toBe('1');
    // The conversation and person pages ask with includeDone, as before.
    const mine = await send('GET', `/api/tasks?personId=${personId}&includeDone=true`);
    expect(((await mine.json()) as TaskJson[]).map((x) => x.title)).toEqual([
      'Promise 2',
      'Promise 3',
      'Promise 1',
    ]);

    // A stale edit is refused, as everywhere else.
    const stale = await send('PATCH', `/api/tasks/${first.id}`, { title: 'Changed', version: first.version });
    expect(stale.status).toBe(409);
  });

  it('names a filter it does not know', async () => {
    const res = await send('GET', '/api/tasks?status=later&kind=chore');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { field: string }[] } };
    expect(body.error.issues.map((i) => i.field).sort()).toEqual(['kind', 'status']);
  });
});

describe('GET /api/messages', () => {
  it('returns the log with each person’s name, filtered by direction and channel, with the total', async () => {
    for (const [direction, channel] of [
      ['out', 'email'],
      ['in', 'email'],
      ['out', 'linkedin'],
    ] as const) {
      const res = await send('POST', '/api/messages', { personId, direction, channel, purpose: 'other' });
      expect(res.status).toBe(201);
    }
    const all = await send('GET', '/api/messages?limit=1');
    expect(all.headers.get('x-total-count')).toBe('3');
    expect(((await all.json()) as { personName: string }[])[0]?.personName).toBe('Grace Hopper');
    const sentByEmail = await send('GET', '/api/messages?direction=out&channel=email');
    expect(sentByEmail.headers.get('x-total-count')).toBe('1');
    expect((await send('GET', '/api/messages?channel=carrier_pigeon')).status).toBe(400);
  });
});
