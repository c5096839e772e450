import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';

let t: TestDb;
let sendRaw: Send;

beforeAll(async () => {
  ({ t, send: sendRaw } = await openTestApi());
});
afterAll(() => t.close());

async function send<T = unknown>(method: string, path: string, body?: unknown) {
  const res = await sendRaw(method, path, body);
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T };
}

interface Listed {
  introducerId: string;
  introducedId: string;
  introducerName: string;
  introducedName: string;
  state: string;
}
interface Problem {
  error: { code: string; message: string; issues: { field: string; message: string }[] };
}

const person = async (fullName: string) =>
  (await send<{ id: string }>('POST', '/api/people', { fullName })).body.id;
const introductionsOf = async (personId: string) =>
  (await send<Listed[]>('GET', `/api/network/introductions?personId=${personId}`)).body;

describe('an introduction moves on through the routes the user takes', () => {
  it('is Met after the meeting is marked held, and Thanked after the thank-you to the introducer', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const maya = await person('Maya Introducer');
    const jonas = await person('Jonas Introduced');
    expect(
      (await send('POST', '/api/network/introductions', { introducerId: maya, introducedId: jonas })).status,
    ).toBe(201);
    const conv = await send<{ id: string }>('POST', '/api/conversations', {
      type: 'learn_role',
      participantIds: [jonas],
    });
    const id = conv.body.id;
    await send('PUT', `/api/conversations/${id}/meeting`, {
      startsAt: '2026-11-24T10:00:00Z',
      timeZone: 'UTC',
      medium: 'video',
    });
    expect((await introductionsOf(jonas))[0]?.state).toBe('made');

    t.clock.set('2026-11-24T11:00:00Z');
    expect((await send('POST', `/api/conversations/${id}/move`, { to: 'held' })).status).toBe(200);
    expect((await introductionsOf(jonas))[0]?.state).toBe('met');

    const logged = await send('POST', '/api/messages', {
      personId: maya,
      channel: 'email',
      direction: 'out',
      purpose: 'thank_you',
      body: 'Thank you for putting me in touch with Jonas: we talked today and it helped a lot.',
    });
    expect(logged.status).toBe(201);
    expect((await introductionsOf(jonas))[0]?.state).toBe('thanked');
  });
});

describe('POST /api/network/introductions with someone new', () => {
  it('adds the new person with the introduction, on either side', async () => {
    const priya = await person('Priya Known');
    const by = await send<{ introducerId: string; introducedId: string }>(
      'POST',
      '/api/network/introductions',
      {
        introducerId: priya,
        newPerson: { fullName: '  Noor New  ' },
        state: 'asked',
      },
    );
    expect(by.status).toBe(201);
    expect(by.body.introducerId).toBe(priya);
    const noor = await send<{ fullName: string }>('GET', `/api/people/${by.body.introducedId}`);
    expect(noor.body.fullName).toBe('Noor New');

    const to = await send<{ introducerId: string; introducedId: string }>(
      'POST',
      '/api/network/introductions',
      {
        introducedId: priya,
        newPerson: { fullName: 'Tom Newcomer' },
      },
    );
    expect(to.status).toBe(201);
    expect(to.body.introducedId).toBe(priya);
    expect((await introductionsOf(priya)).map((i) => [i.introducerName, i.introducedName])).toEqual([
      ['Priya Known', 'Noor New'],
      ['Tom Newcomer', 'Priya Known'],
    ]);
  });

  it('says what is missing in words, and adds nobody when the introduction is refused', async () => {
    const sam = await person('Sam Solo');
    const before = (await send<{ total: number }>('GET', '/api/people?limit=1')).body.total;

    const blank = await send<Problem>('POST', '/api/network/introductions', {
      introducerId: sam,
      newPerson: { fullName: '   ' },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toBe('Name is required.');

    const nobody = await send<Problem>('POST', '/api/network/introductions', { introducerId: sam });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.issues[0]?.field).toBe('introducedId');

    const both = await send<Problem>('POST', '/api/network/introductions', {
      introducerId: sam,
      introducedId: sam,
      newPerson: { fullName: 'Extra Person' },
    });
    expect(both.status).toBe(400);

    // A conversation from another workspace (or none at all) refuses the whole thing.
    const missingConversation = await send<Problem>('POST', '/api/network/introductions', {
      introducerId: sam,
      newPerson: { fullName: 'Orphan Never' },
      viaConversationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missingConversation.status).toBe(404);
    expect((await send<{ total: number }>('GET', '/api/people?limit=1')).body.total).toBe(before);
  });
});
