import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../../test/db.js';
import { createConversation } from '../../../services/conversations/conversations.js';
import { scheduleMeeting } from '../../../services/meetings/meetings.js';
import { createPerson } from '../../../services/people/people.js';
import { updateSettings } from '../../../services/settings/settings.js';
import { createTask } from '../../../services/tasks/tasks.js';
import { createApp } from '../../app.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
const serverZone = process.env.TZ;

beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
  // A server whose own clock is far from UTC, with a non-whole-hour offset.
  process.env.TZ = 'Pacific/Chatham';
});
afterAll(async () => {
  if (serverZone === undefined) delete process.env.TZ;
  else process.env.TZ = serverZone;
  await t.close();
});

function send(method: string, path: string) {
  return app.request(`http://localhost:4310${path}`, { method, headers: { host: 'localhost:4310' } });
}

function stampLines(ics: string): string[] {
  return ics.split(/\r\n/).filter((line) => line.startsWith('DTSTAMP'));
}

describe('calendar files', () => {
  it('writes DTSTAMP in UTC with a Z, taken from the app clock, in the meeting file and in the feed', async () => {
    await updateSettings({ ...t.ctx, input: { timeZone: 'Asia/Kolkata' } });
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Stamp Person' } });
    const c = await createConversation({ ...t.ctx, input: { type: 'learn_role', participantIds: [p.id] } });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: { startsAt: new Date('2026-12-01T17:30:00Z'), timeZone: 'America/Los_Angeles', medium: 'video' },
    });
    await createTask({
      ...t.ctx,
      input: { title: 'Send the portfolio', dueOn: '2026-11-23', personId: p.id },
    });
    t.clock.set('2026-11-23T09:15:42Z');

    const single = await send('GET', `/api/calendar/meetings/${c.id}`);
    expect(single.status).toBe(200);
    const ics = await single.text();
    // The meeting keeps its own zone; only the stamp is in UTC.
    expect(ics).toContain('DTSTART;TZID=America/Los_Angeles:20261201T093000');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(stampLines(ics)).toEqual(['DTSTAMP:20261123T091542Z']);

    const created = await app.request('http://localhost:4310/api/calendar/feeds', {
      method: 'POST',
      headers: { host: 'localhost:4310' },
    });
    expect(created.status).toBe(201);
    const { path } = (await created.json()) as { path: string };
    t.clock.set('2026-11-23T10:00:07Z');
    const feed = await send('GET', path);
    expect(feed.status).toBe(200);
    const text = await feed.text();
    expect(text).toContain('SUMMARY:Send the portfolio');
    const stamps = stampLines(text);
    expect(stamps.length).toBeGreaterThanOrEqual(2);
    for (const line of stamps) expect(line).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(new Set(stamps)).toEqual(new Set(['DTSTAMP:20261123T100007Z']));
  });
});
