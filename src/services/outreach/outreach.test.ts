import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createConversation } from '../conversations/conversations.js';
import { createNote } from '../conversations/notes.js';
import { thankYouDraft } from '../debrief/thank-you.js';
import { calendarFeedIcs, createCalendarFeed, meetingIcs, revokeCalendarFeed } from '../meetings/calendar.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createOrganization } from '../organizations/organizations.js';
import { addTarget, listTargets, updateTarget } from '../organizations/targets.js';
import { createPerson } from '../people/people.js';
import { updateSettings } from '../settings/settings.js';
import { createTask } from '../tasks/tasks.js';
import { createTemplate, draftFromTemplate, listTemplates } from './templates.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe('target list (LAMP)', () => {
  it('ranks by motivation, posting, advocacy; works the top N; ruling one out promotes the next', async () => {
    await updateSettings({ ...t.ctx, input: { activeTargets: 2 } });
    const orgs = await Promise.all(
      ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((name) => createOrganization({ ...t.ctx, input: { name } })),
    );
    const [alpha, bravo, charlie, delta] = orgs as [
      (typeof orgs)[0],
      (typeof orgs)[0],
      (typeof orgs)[0],
      (typeof orgs)[0],
    ];
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Known At Charlie', organizationId: charlie.id, keepInTouch: 'yes' },
    });
    const a = await addTarget({ ...t.ctx, input: { organizationId: alpha.id, motivation: 3, posting: 1 } });
    await addTarget({ ...t.ctx, input: { organizationId: bravo.id, motivation: 2, posting: 3 } });
    await addTarget({ ...t.ctx, input: { organizationId: charlie.id, motivation: 2, posting: 3 } });
    await addTarget({
      ...t.ctx,
      input: { organizationId: delta.id, motivation: 1, posting: 3, hasOpenPosting: true },
    });

    let list = await listTargets(t.ctx);
    expect(list.map((x) => x.name)).toEqual(['Alpha', 'Charlie', 'Bravo', 'Delta']);
    expect(list.map((x) => x.working)).toEqual([true, true, false, false]);
    expect(list.find((x) => x.name === 'Charlie')?.advocacy).toBe(true);
    expect(list.find((x) => x.name === 'Delta')?.caution).toMatch(/job/i);

    await updateTarget({ ...t.ctx, id: a.id, version: a.version, input: { status: 'ruled_out' } });
    list = await listTargets(t.ctx);
    expect(list.filter((x) => x.working).map((x) => x.name)).toEqual(['Charlie', 'Bravo']);
    expect(list.at(-1)?.name).toBe('Alpha');
    await expect(addTarget({ ...t.ctx, input: { organizationId: bravo.id } })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('request drafts', () => {
  it('ships built-in templates and fills them from what Rapport knows', async () => {
    const templates = await listTemplates(t.ctx);
    expect(templates.filter((x) => x.builtIn).length).toBeGreaterThanOrEqual(4);
    expect((await listTemplates(t.ctx)).length).toBe(templates.length); // seeded once
    const referred = templates.find((x) => x.kind === 'referred')!;
    const org = await createOrganization({ ...t.ctx, input: { name: 'Brightwater' } });
    const maya = await createPerson({ ...t.ctx, input: { fullName: 'Maya Referrer' } });
    const jo = await createPerson({
      ...t.ctx,
      input: { fullName: 'Jo Target', organizationId: org.id, introducedById: maya.id },
    });
    const draft = await draftFromTemplate({
      ...t.ctx,
      templateId: referred.id,
      personId: jo.id,
      fields: { interestNarrow: 'learning design at Brightwater', interestBroad: 'education technology' },
    });
    expect(draft.body).toContain('Jo');
    expect(draft.body).toContain('Maya Referrer');
    expect(draft.subject).toContain('Maya Referrer');
    expect(draft.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('explains what is wrong with a poor request, without blocking it', async () => {
    const poor = await createTemplate({
      ...t.ctx,
      input: {
        name: 'Poor',
        kind: 'cold_shared_interest',
        body: 'My name is Sam and I am looking for a job. I have ten years of experience and I would like you to consider me for any openings on your team. I am very motivated and I learn fast.',
      },
    });
    const draft = await draftFromTemplate({ ...t.ctx, templateId: poor.id });
    const rules = draft.findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['job_ask', 'question', 'about_them', 'connection_first']));
    expect(draft.findings.find((f) => f.rule === 'job_ask')?.severity).toBe('strong');
  });
});

describe('thank-you draft', () => {
  it('keeps my private notes out, and says what I promised', async () => {
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Tom Helper' } });
    const c = await createConversation({ ...t.ctx, input: { type: 'learn_role', participantIds: [p.id] } });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: {
        startsAt: new Date('2026-11-20T10:00:00Z'),
        timeZone: 'UTC',
        medium: 'phone',
        alreadyHappened: true,
      },
    });
    await createNote({
      ...t.ctx,
      subject: { conversationId: c.id },
      body: '- Hiring managers read **portfolios** first',
    });
    await createTask({
      ...t.ctx,
      input: { kind: 'promise_mine', title: 'rebuild my portfolio site', conversationId: c.id },
    });
    const draft = await thankYouDraft({ ...t.ctx, conversationId: c.id, personId: p.id });
    expect(draft.body).toMatch(/^Hi Tom,/);
    // Notes are the user's own; nothing in the debrief is credited to Tom, so no quote either.
    expect(draft.body).not.toContain('Hiring managers read portfolios first');
    expect(draft.hint).toMatch(/Add one specific thing they said/);
    expect(draft.body).toContain('rebuild my portfolio site');
    expect(draft.dueAt?.toISOString()).toBe('2026-11-21T10:30:00.000Z');
    const stranger = await createPerson({ ...t.ctx, input: { fullName: 'Not There' } });
    await expect(
      thankYouDraft({ ...t.ctx, conversationId: c.id, personId: stranger.id }),
    ).rejects.toMatchObject({
      code: 'validation',
    });
  });
});

describe('calendar', () => {
  it('exports a meeting in its own time zone with a reminder, and serves a revocable feed', async () => {
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Cal Endar' } });
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'learn_role', participantIds: [p.id], goals: ['Ask about tools'] },
    });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: {
        startsAt: new Date('2026-12-01T13:30:00Z'),
        timeZone: 'Europe/Paris',
        medium: 'coffee',
        place: 'Café Lumière',
      },
    });
    const { ics, fileName } = await meetingIcs({ ...t.ctx, conversationId: c.id });
    expect(fileName).toBe('meeting-2026-12-01.ics');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20261201T143000');
    expect(ics).toContain('DTEND;TZID=Europe/Paris:20261201T150000');
    expect(ics).toContain('BEGIN:VALARM');
    expect(ics).toContain('LOCATION:Café Lumière');

    t.clock.set('2026-11-25T09:00:00Z');
    const feed = await createCalendarFeed(t.ctx);
    const text = await calendarFeedIcs({ ...t.ctx, token: feed.token });
    expect(text).toContain('SUMMARY:Informational interview: Learn about a role with Cal Endar');
    await expect(calendarFeedIcs({ ...t.ctx, token: 'wrong-token-wrong-token' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await revokeCalendarFeed({ ...t.ctx, id: feed.id });
    await expect(calendarFeedIcs({ ...t.ctx, token: feed.token })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
