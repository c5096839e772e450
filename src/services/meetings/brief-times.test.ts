import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { pdfText } from '../../../test/pdf.js';
import { createApp } from '../../server/app.js';
import { createConversation } from '../conversations/conversations.js';
import { createPerson } from '../people/people.js';
import { updateSettings } from '../settings/settings.js';
import { conversationBrief } from './brief.js';
import { briefPdf } from './brief-pdf.js';
import { scheduleMeeting } from './meetings.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('the brief tells the time on both clocks', () => {
  it("shows the user's time first and the contact's beside it, on screen data and in the PDF", async () => {
    const ctx = await t.otherWorkspace();
    await updateSettings({ ...ctx, input: { timeZone: 'Europe/Paris' } });
    const person = await createPerson({
      ...ctx,
      input: { fullName: 'Dana Brooks', timeZone: 'America/New_York' },
    });
    const conversation = await createConversation({
      ...ctx,
      input: { type: 'learn_role', participantIds: [person.id] },
    });
    await scheduleMeeting({
      ...ctx,
      conversationId: conversation.id,
      input: { startsAt: new Date('2026-12-08T13:30:00Z'), timeZone: 'America/New_York', medium: 'video' },
    });

    const brief = await conversationBrief({ ...ctx, conversationId: conversation.id });
    // Until now only the contact's clock was shown ("Tuesday 8 December 2026 at 08:30 (America/New_York)").
    expect(brief.logistics?.when).toBe('Tue 8 Dec, 14:30 (8:30 in New York)');
    const text = await pdfText(await briefPdf(brief));
    expect(text).toContain('Tue 8 Dec, 14:30 (8:30 in New York)');

    const app = createApp({ context: () => ctx, webDir: null });
    const res = await app.request(`http://localhost/api/preparation/brief/${conversation.id}`, {
      headers: { host: 'localhost' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { logistics: { when: string; startsAt: string; timeZone: string } };
    expect(body.logistics).toMatchObject({
      when: 'Tue 8 Dec, 14:30 (8:30 in New York)',
      startsAt: '2026-12-08T13:30:00.000Z',
      timeZone: 'America/New_York',
    });
  });
});
