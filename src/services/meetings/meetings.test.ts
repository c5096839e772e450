import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import type { ConversationType } from '../../domain/vocab.js';
import { createApp } from '../../server/app.js';
import { createConversation } from '../conversations/conversations.js';
import { createPerson } from '../people/people.js';
import { updateSettings } from '../settings/settings.js';
import { scheduleMeeting } from './meetings.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

async function conversation(type: ConversationType) {
  const p = await createPerson({ ...t.ctx, input: { fullName: `Someone for ${type}` } });
  return createConversation({ ...t.ctx, input: { type, participantIds: [p.id] } });
}

function schedule(conversationId: string, durationMinutes: number) {
  return scheduleMeeting({
    ...t.ctx,
    conversationId,
    input: { startsAt: new Date('2026-11-30T15:00:00Z'), timeZone: 'UTC', medium: 'phone', durationMinutes },
  });
}

async function putMeeting(conversationId: string, durationMinutes: number): Promise<string[]> {
  const res = await app.request(`http://localhost:4310/api/conversations/${conversationId}/meeting`, {
    method: 'PUT',
    headers: { host: 'localhost:4310', 'content-type': 'application/json' },
    body: JSON.stringify({
      startsAt: '2026-11-30T15:00:00Z',
      timeZone: 'UTC',
      medium: 'phone',
      durationMinutes,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { warnings: string[] }).warnings;
}

describe('meeting length, by kind of conversation', () => {
  it('takes a 5–10 minute call after a rejection as a good length', async () => {
    const feedback = await conversation('rejection_feedback');
    expect((await schedule(feedback.id, 10)).warnings).toEqual([]);
    expect((await schedule(feedback.id, 5)).warnings).toEqual([]);
    expect(await putMeeting(feedback.id, 5)).toEqual([]);
    expect(await putMeeting(feedback.id, 10)).toEqual([]);
  });

  it('still finds 10 minutes too short for an informational interview', async () => {
    const role = await conversation('learn_role');
    expect((await schedule(role.id, 10)).warnings[0]).toMatch(/10 minutes leaves little time/);
    expect((await putMeeting(role.id, 10))[0]).toMatch(/10 minutes leaves little time/);
    expect(await putMeeting(role.id, 20)).toEqual([]);
  });

  it('keeps the long-meeting warning and its setting for every kind', async () => {
    const feedback = await conversation('rejection_feedback');
    expect((await putMeeting(feedback.id, 60))[0]).toMatch(/60 minutes is long/);
    await updateSettings({ ...t.ctx, input: { meetingWarnMinutes: 30 } });
    expect((await schedule(feedback.id, 40)).warnings[0]).toMatch(/30 at most/);
    await updateSettings({ ...t.ctx, input: { meetingWarnMinutes: 45 } });
  });
});
