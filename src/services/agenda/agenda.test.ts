import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createConversation, getConversation, moveConversation } from '../conversations/conversations.js';
import { createNote } from '../conversations/notes.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createOrganization } from '../organizations/organizations.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson } from '../people/people.js';
import { updateSettings } from '../settings/settings.js';
import { createTask, listTasks } from '../tasks/tasks.js';
import { todayAgenda } from './agenda.js';
import { answerReminder } from './reminders.js';

const DAY = 86_400_000;
let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
  await updateSettings({ ...t.ctx, input: { timeZone: 'Europe/Paris', holidays: ['2026-12-25'] } });
});
afterAll(() => t.close());

async function agendaKeys() {
  return (await todayAgenda(t.ctx)).items.map((i) => `${i.kind}:${i.title}`);
}

async function requestTo(name: string, orgName: string) {
  const org = await createOrganization({ ...t.ctx, input: { name: orgName } });
  const p = await createPerson({ ...t.ctx, input: { fullName: name, organizationId: org.id } });
  const c = await createConversation({
    ...t.ctx,
    input: { type: 'learn_company', participantIds: [p.id], title: `Talk with ${name}` },
  });
  const logged = await logMessage({
    ...t.ctx,
    input: {
      personId: p.id,
      conversationId: c.id,
      channel: 'email',
      direction: 'out',
      purpose: 'request',
      body: 'Hi',
    },
  });
  expect(logged.statusChangedTo).toBe('requested');
  return { org, p, c };
}

describe('3B7 follow-ups', () => {
  it('suggests a second person after 3 business days and one follow-up after 7, until a reply', async () => {
    t.clock.set('2026-11-23T09:00:00Z'); // Monday
    const { p, c } = await requestTo('Ines Quiet', 'Quiet Corp');
    t.clock.set('2026-11-25T17:00:00Z'); // Wednesday: 2 business days
    expect((await agendaKeys()).filter((k) => k.includes('Ines'))).toEqual([]);
    t.clock.set('2026-11-26T08:00:00Z'); // Thursday: 3 business days
    expect(await agendaKeys()).toContain('second_contact:Reach a second person: Talk with Ines Quiet');
    t.clock.set('2026-12-02T08:00:00Z'); // next Wednesday: 7 business days
    const keys = await agendaKeys();
    expect(keys).toContain('follow_up:Follow up: Talk with Ines Quiet');
    // Past due items stay until answered.
    expect(keys).toContain('second_contact:Reach a second person: Talk with Ines Quiet');

    await logMessage({
      ...t.ctx,
      input: {
        personId: p.id,
        conversationId: c.id,
        channel: 'email',
        direction: 'out',
        purpose: 'follow_up',
      },
    });
    expect((await agendaKeys()).filter((k) => k.startsWith('follow_up:') && k.includes('Ines'))).toEqual([]);

    const reply = await logMessage({
      ...t.ctx,
      input: { personId: p.id, conversationId: c.id, channel: 'email', direction: 'in', purpose: 'reply' },
    });
    expect(reply.statusChangedTo).toBe('accepted');
    expect((await agendaKeys()).filter((k) => k.includes('Ines'))).toEqual([]);
  });

  it('counts from when the request went out, when it is logged days later', async () => {
    t.clock.set('2026-12-02T08:00:00Z'); // Wednesday
    const org = await createOrganization({ ...t.ctx, input: { name: 'Late Log Ltd' } });
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Lea Later', organizationId: org.id } });
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'learn_company', participantIds: [p.id], title: 'Talk with Lea Later' },
    });
    // Sent on Monday 23 November, logged only now: 7 business days have passed, so it is due today.
    await logMessage({
      ...t.ctx,
      input: {
        personId: p.id,
        conversationId: c.id,
        channel: 'email',
        direction: 'out',
        purpose: 'request',
        at: new Date('2026-11-23T09:00:00Z'),
      },
    });
    expect(await agendaKeys()).toContain('follow_up:Follow up: Talk with Lea Later');
  });

  it('counts business days around weekends and holidays in the user zone', async () => {
    t.clock.set('2026-12-22T10:00:00Z'); // Tuesday before Christmas
    await requestTo('Noel Holiday', 'Holiday Inc');
    t.clock.set('2026-12-25T10:00:00Z'); // Friday, a holiday: only Wed and Thu counted
    expect((await agendaKeys()).some((k) => k.includes('Noel'))).toBe(false);
    t.clock.set('2026-12-28T07:00:00Z'); // Monday: Wed, Thu, Mon = 3
    expect(await agendaKeys()).toContain('second_contact:Reach a second person: Talk with Noel Holiday');
  });

  it('a request to a second person at the same organization clears the second-contact item', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const { org } = await requestTo('First Person', 'Twin Peaks Ltd');
    t.clock.set('2026-11-27T09:00:00Z');
    expect(await agendaKeys()).toContain('second_contact:Reach a second person: Talk with First Person');
    const second = await createPerson({
      ...t.ctx,
      input: { fullName: 'Second Person', organizationId: org.id },
    });
    const c2 = await createConversation({
      ...t.ctx,
      input: { type: 'learn_company', participantIds: [second.id] },
    });
    await moveConversation({ ...t.ctx, id: c2.id, to: 'requested' });
    expect(
      (await agendaKeys()).some((k) => k.includes('Talk with First Person') && k.startsWith('second')),
    ).toBe(false);
  });
});

describe('a request made again', () => {
  it('counts only replies after the latest request', async () => {
    t.clock.set('2026-11-02T09:00:00Z'); // Monday
    const { p, c } = await requestTo('Ravi Again', 'Again Ltd');
    await logMessage({
      ...t.ctx,
      input: { personId: p.id, conversationId: c.id, channel: 'email', direction: 'in', purpose: 'decline' },
    });
    await moveConversation({ ...t.ctx, id: c.id, to: 'idea' });
    t.clock.set('2026-11-09T09:00:00Z'); // a week later, asked again
    await logMessage({
      ...t.ctx,
      input: { personId: p.id, conversationId: c.id, channel: 'email', direction: 'out', purpose: 'request' },
    });
    t.clock.set('2026-11-18T09:00:00Z'); // 7 business days after the new request
    expect(await agendaKeys()).toContain('follow_up:Follow up: Talk with Ravi Again');
  });
});

describe('after the meeting', () => {
  it('asks for a thank-you to each participant within 24 hours, and marks the conversation thanked', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const a = await createPerson({ ...t.ctx, input: { fullName: 'Ada Thanks' } });
    const b = await createPerson({ ...t.ctx, input: { fullName: 'Bea Thanks' } });
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'learn_role', participantIds: [a.id, b.id] },
    });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: { startsAt: new Date('2026-11-24T14:00:00Z'), timeZone: 'Europe/Paris', medium: 'video' },
    });
    // The day before: the meeting shows for tomorrow, with a reminder to confirm it.
    const before = await agendaKeys();
    expect(before.some((k) => k.startsWith('meeting:Tomorrow'))).toBe(true);
    expect(before.some((k) => k.startsWith('confirm_meeting:'))).toBe(true);

    t.clock.set('2026-11-24T14:40:00Z');
    await moveConversation({ ...t.ctx, id: c.id, to: 'held' });
    const agenda = await todayAgenda(t.ctx);
    const thanks = agenda.items.filter((i) => i.kind === 'thank_you' && i.conversationId === c.id);
    expect(thanks.map((i) => i.title).sort()).toEqual(['Thank Ada Thanks', 'Thank Bea Thanks']);
    expect(thanks[0]?.dueAt?.toISOString()).toBe('2026-11-25T14:30:00.000Z');
    expect(thanks[0]?.overdue).toBe(false);

    await logMessage({
      ...t.ctx,
      input: {
        personId: a.id,
        conversationId: c.id,
        channel: 'email',
        direction: 'out',
        purpose: 'thank_you',
      },
    });
    expect((await getConversation({ ...t.ctx, id: c.id })).status).toBe('held');
    t.clock.set('2026-11-26T09:00:00Z');
    const late = (await todayAgenda(t.ctx)).items.filter(
      (i) => i.kind === 'thank_you' && i.conversationId === c.id,
    );
    expect(late.map((i) => [i.title, i.overdue])).toEqual([['Thank Bea Thanks', true]]);
    const last = await logMessage({
      ...t.ctx,
      input: {
        personId: b.id,
        conversationId: c.id,
        channel: 'email',
        direction: 'out',
        purpose: 'thank_you',
      },
    });
    expect(last.statusChangedTo).toBe('thanked');
  });

  it('brings a report-back task due after the interval, and done closes it', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const task = await createTask({
      ...t.ctx,
      input: { kind: 'report_back', title: 'Tell Jo I called Sam', dueOn: '2026-12-07' },
    });
    expect((await agendaKeys()).some((k) => k.includes('Tell Jo'))).toBe(false);
    t.clock.set('2026-12-07T08:00:00Z');
    expect(await agendaKeys()).toContain('report_back:Tell Jo I called Sam');
    await answerReminder({ ...t.ctx, key: `task:${task.id}`, action: 'done' });
    expect((await agendaKeys()).some((k) => k.includes('Tell Jo'))).toBe(false);
    expect((await listTasks({ ...t.ctx })).some((x) => x.id === task.id)).toBe(false);
  });
});

describe('keep in touch', () => {
  it('comes due at the agreed frequency and any interaction restarts the clock', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const p = await createPerson({
      ...t.ctx,
      input: {
        fullName: 'Kit Intouch',
        keepInTouch: 'yes',
        keepInTouchEveryDays: 30,
        preferredChannel: 'phone',
      },
    });
    await createPerson({ ...t.ctx, input: { fullName: 'Nora Never', keepInTouch: 'no' } });
    t.clock.advance(29 * DAY);
    expect((await agendaKeys()).some((k) => k.includes('Kit Intouch'))).toBe(false);
    t.clock.advance(DAY);
    expect(await agendaKeys()).toContain('keep_in_touch:Keep in touch with Kit Intouch');
    // A note of a phone call is an interaction.
    await createNote({ ...t.ctx, subject: { personId: p.id }, kind: 'call', body: 'Caught up by phone' });
    expect((await agendaKeys()).some((k) => k.includes('Kit Intouch'))).toBe(false);
    t.clock.advance(30 * DAY);
    expect(await agendaKeys()).toContain('keep_in_touch:Keep in touch with Kit Intouch');
    expect((await agendaKeys()).some((k) => k.includes('Nora'))).toBe(false);
  });

  it('defaults to every 90 days when permitted without a frequency', async () => {
    t.clock.set('2027-03-01T09:00:00Z');
    await createPerson({ ...t.ctx, input: { fullName: 'Dee Default', keepInTouch: 'yes' } });
    t.clock.advance(89 * DAY);
    expect((await agendaKeys()).some((k) => k.includes('Dee Default'))).toBe(false);
    t.clock.advance(DAY);
    expect(await agendaKeys()).toContain('keep_in_touch:Keep in touch with Dee Default');
  });
});

describe('answering agenda items', () => {
  it('snooze hides an item until the time passes; dismiss hides it for good', async () => {
    t.clock.set('2027-06-01T09:00:00Z');
    const a = await createTask({ ...t.ctx, input: { title: 'Snoozable', dueOn: '2027-06-01' } });
    const b = await createTask({ ...t.ctx, input: { title: 'Dismissable', dueOn: '2027-06-01' } });
    await answerReminder({ ...t.ctx, key: `task:${a.id}`, action: 'snooze' });
    await answerReminder({ ...t.ctx, key: `task:${b.id}`, action: 'dismiss' });
    let keys = await agendaKeys();
    expect(keys.some((k) => k.includes('Snoozable') || k.includes('Dismissable'))).toBe(false);
    t.clock.advance(DAY + 1000);
    keys = await agendaKeys();
    expect(keys).toContain('task:Snoozable');
    expect(keys.some((k) => k.includes('Dismissable'))).toBe(false);
    await answerReminder({ ...t.ctx, key: `task:${b.id}`, action: 'reopen' });
    expect(await agendaKeys()).toContain('task:Dismissable');
    await expect(
      answerReminder({ ...t.ctx, key: `task:${a.id}`, action: 'snooze', until: new Date('2000-01-01') }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});
