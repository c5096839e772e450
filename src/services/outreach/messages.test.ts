import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createConversation } from '../conversations/conversations.js';
import { createPerson } from '../people/people.js';
import { countMessages, listMessages, logMessage } from './messages.js';

let t: TestDb;
let ada: { id: string };
let bob: { id: string };

beforeAll(async () => {
  t = await openTestDb();
  ada = await createPerson({ ...t.ctx, input: { fullName: 'Ada Lovelace' } });
  bob = await createPerson({ ...t.ctx, input: { fullName: 'Bob Kahn' } });
  const conv = await createConversation({
    ...t.ctx,
    input: { type: 'learn_role', participantIds: [ada.id], title: 'Coffee with Ada' },
  });
  const log = (personId: string, at: string, more: Partial<Parameters<typeof logMessage>[0]['input']>) =>
    logMessage({
      ...t.ctx,
      input: { personId, channel: 'email', direction: 'out', purpose: 'other', at: new Date(at), ...more },
    });
  await log(ada.id, '2026-11-16T10:00:00Z', {
    conversationId: conv.id,
    purpose: 'request',
    body: 'Hello Ada',
  });
  await log(ada.id, '2026-11-17T10:00:00Z', { conversationId: conv.id, direction: 'in', purpose: 'reply' });
  await log(bob.id, '2026-11-18T10:00:00Z', { channel: 'linkedin', body: 'Hi Bob' });
});
afterAll(() => t.close());

describe('the whole message log', () => {
  it('lists every message newest first, with the person’s name and the conversation’s title', async () => {
    const log = await listMessages(t.ctx);
    expect(log.map((m) => [m.personName, m.conversationTitle, m.direction])).toEqual([
      ['Bob Kahn', null, 'out'],
      ['Ada Lovelace', 'Coffee with Ada', 'in'],
      ['Ada Lovelace', 'Coffee with Ada', 'out'],
    ]);
    expect(log[0]).not.toHaveProperty('search');
  });

  it('filters by person, direction and channel, and counts what matches', async () => {
    expect((await listMessages({ ...t.ctx, personId: ada.id })).map((m) => m.body)).toEqual([
      '',
      'Hello Ada',
    ]);
    expect((await listMessages({ ...t.ctx, direction: 'in' })).map((m) => m.personName)).toEqual([
      'Ada Lovelace',
    ]);
    expect((await listMessages({ ...t.ctx, channel: 'linkedin' })).map((m) => m.body)).toEqual(['Hi Bob']);
    expect(await countMessages({ ...t.ctx, direction: 'out' })).toBe(2);
    expect(await countMessages({ ...t.ctx, personId: bob.id, channel: 'email' })).toBe(0);
    expect((await listMessages({ ...t.ctx, limit: 1, offset: 1 })).map((m) => m.direction)).toEqual(['in']);
  });
});
