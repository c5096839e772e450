import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createOrganization } from '../organizations/organizations.js';
import { createPerson } from '../people/people.js';
import {
  createConversation,
  getConversation,
  listConversations,
  moveConversation,
  updateConversation,
} from './conversations.js';
import { createNote, deleteNote, listNotes, updateNote } from './notes.js';
import { organizationTimelineEntries, personTimeline } from './timeline.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

async function person(name: string, organizationId?: string) {
  return createPerson({ ...t.ctx, input: { fullName: name, organizationId } });
}

describe('conversations', () => {
  it('starts as an idea, titled after its type and first participant, at their organization', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Harbor Analytics' } });
    const a = await person('Ana Participant', org.id);
    const b = await person('Ben Participant');
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'learn_role', participantIds: [a.id, b.id], goals: ['What a week looks like', ' '] },
    });
    expect(c.status).toBe('idea');
    expect(c.title).toBe('Learn about a role with Ana Participant');
    expect(c.organizationName).toBe('Harbor Analytics');
    expect(c.participants.map((p) => p.fullName)).toEqual(['Ana Participant', 'Ben Participant']);
    expect(c.goals.map((g) => g.text)).toEqual(['What a week looks like']);
    expect(c.history).toHaveLength(1);
    expect(c.allowedNext).toEqual(['requested', 'cancelled']);
  });

  it('needs at least one participant from this workspace', async () => {
    await expect(
      createConversation({ ...t.ctx, input: { type: 'explore_career', participantIds: [] } }),
    ).rejects.toMatchObject({ code: 'validation' });
    const other = await t.otherWorkspace();
    const stranger = await createPerson({ ...other, input: { fullName: 'Not Mine' } });
    await expect(
      createConversation({ ...t.ctx, input: { type: 'explore_career', participantIds: [stranger.id] } }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'participantIds' }] });
  });

  it('moves through its life, recording each step, and refuses illegal moves with a reason', async () => {
    const p = await person('Life Cycle');
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'explore_career', participantIds: [p.id] },
    });
    await moveConversation({ ...t.ctx, id: c.id, to: 'requested' });
    await expect(moveConversation({ ...t.ctx, id: c.id, to: 'held' })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
    await moveConversation({ ...t.ctx, id: c.id, to: 'accepted', note: 'Replied on LinkedIn' });
    await expect(moveConversation({ ...t.ctx, id: c.id, to: 'scheduled' })).rejects.toThrow(
      /Schedule the meeting first/,
    );

    const meetingAt = new Date(t.clock.now().getTime() + 2 * 86_400_000);
    const { conversation, warnings } = await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: { startsAt: meetingAt, timeZone: 'America/New_York', medium: 'video' },
    });
    expect(warnings).toEqual([]);
    expect(conversation.status).toBe('scheduled');
    expect(conversation.meeting?.durationMinutes).toBe(30);
    expect(conversation.meeting?.timeZone).toBe('America/New_York');

    await expect(moveConversation({ ...t.ctx, id: c.id, to: 'held' })).rejects.toThrow(/once it has started/);
    t.clock.advance(3 * 86_400_000);
    await moveConversation({ ...t.ctx, id: c.id, to: 'held' });
    const done = await moveConversation({ ...t.ctx, id: c.id, to: 'thanked' });
    expect(done.history.map((h) => h.toStatus)).toEqual([
      'idea',
      'requested',
      'accepted',
      'scheduled',
      'held',
      'thanked',
    ]);
    expect(done.history[2]?.note).toBe('Replied on LinkedIn');
    await expect(moveConversation({ ...t.ctx, id: c.id, to: 'cancelled' })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
  });

  it('scheduling an idea walks it forward and warns about a long meeting', async () => {
    const p = await person('Long Talker');
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'hiring_manager', participantIds: [p.id] },
    });
    const { conversation, warnings } = await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: {
        startsAt: new Date('2026-12-01T13:30:00Z'),
        timeZone: 'Europe/Paris',
        durationMinutes: 60,
        medium: 'office',
        place: '1 Main St',
      },
    });
    expect(warnings[0]).toMatch(/60 minutes is long/);
    expect(conversation.history.map((h) => h.toStatus)).toEqual([
      'idea',
      'requested',
      'accepted',
      'scheduled',
    ]);
    // Rescheduling keeps one meeting and the status.
    const again = await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: { startsAt: new Date('2026-12-02T13:30:00Z'), timeZone: 'Europe/Paris', medium: 'phone' },
    });
    expect(again.conversation.meeting?.startsAt.toISOString()).toBe('2026-12-02T13:30:00.000Z');
    expect(again.conversation.history).toHaveLength(4);
  });

  it('refuses an unknown time zone', async () => {
    const p = await person('Zone Person');
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'learn_company', participantIds: [p.id] },
    });
    await expect(
      scheduleMeeting({
        ...t.ctx,
        conversationId: c.id,
        input: { startsAt: new Date(), timeZone: 'Europe/Atlantis', medium: 'phone' },
      }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'timeZone' }] });
    expect((await getConversation({ ...t.ctx, id: c.id })).status).toBe('idea');
  });

  it('cancelling a scheduled conversation cancels its meeting', async () => {
    const p = await person('Cancel Me');
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'learn_company', participantIds: [p.id] },
    });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: c.id,
      input: { startsAt: new Date('2026-12-05T10:00:00Z'), timeZone: 'UTC', medium: 'coffee' },
    });
    const cancelled = await moveConversation({ ...t.ctx, id: c.id, to: 'cancelled' });
    expect(cancelled.meeting).toBeNull();
    expect(cancelled.nextMeetingAt).toBeNull();
  });

  it('filters by status and person, and edits with optimistic concurrency', async () => {
    const p = await person('Filter Person');
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'career_switch', participantIds: [p.id] },
    });
    await moveConversation({ ...t.ctx, id: c.id, to: 'requested' });
    const mine = await listConversations({ ...t.ctx, personId: p.id, status: ['requested'] });
    expect(mine.items.map((x) => x.id)).toEqual([c.id]);
    expect((await listConversations({ ...t.ctx, personId: p.id, status: ['idea'] })).total).toBe(0);
    const fresh = await getConversation({ ...t.ctx, id: c.id });
    await updateConversation({ ...t.ctx, id: c.id, version: fresh.version, input: { title: 'Renamed' } });
    await expect(
      updateConversation({ ...t.ctx, id: c.id, version: fresh.version, input: { title: 'Lost?' } }),
    ).rejects.toMatchObject({ code: 'stale' });
    expect((await getConversation({ ...t.ctx, id: c.id })).title).toBe('Renamed');
  });
});

describe('notes and timelines', () => {
  it('attaches a note to exactly one subject and keeps it verbatim', async () => {
    const p = await person('Noted Person');
    const body = '<script>alert(1)</script> **kind** words';
    const n = await createNote({ ...t.ctx, subject: { personId: p.id }, body });
    expect(n.body).toBe(body);
    await expect(createNote({ ...t.ctx, subject: {}, body: 'x' })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(
      createNote({ ...t.ctx, subject: { personId: p.id, conversationId: p.id }, body: 'x' }),
    ).rejects.toMatchObject({ code: 'validation' });
    const edited = await updateNote({ ...t.ctx, id: n.id, version: n.version, body: 'changed' });
    await expect(updateNote({ ...t.ctx, id: n.id, version: n.version, body: 'stale' })).rejects.toMatchObject(
      {
        code: 'stale',
      },
    );
    expect(edited.body).toBe('changed');
    await deleteNote({ ...t.ctx, id: n.id });
    expect(await listNotes({ ...t.ctx, subject: { personId: p.id } })).toEqual([]);
  });

  it("shows a person's conversations, notes and introductions in one timeline, newest first", async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Timeline Org' } });
    const introducer = await person('Intro Ducer');
    const p = await createPerson({
      ...t.ctx,
      input: { fullName: 'Time Line', organizationId: org.id, introducedById: introducer.id },
    });
    t.clock.advance(60_000);
    const c = await createConversation({
      ...t.ctx,
      input: { type: 'learn_company', participantIds: [p.id] },
    });
    t.clock.advance(60_000);
    await createNote({ ...t.ctx, subject: { conversationId: c.id }, body: 'They use SQL daily' });
    t.clock.advance(60_000);
    await createNote({ ...t.ctx, subject: { personId: p.id }, body: 'Prefers phone calls' });
    const entries = await personTimeline({ ...t.ctx, id: p.id });
    expect(entries.map((e) => e.kind)).toEqual(['note', 'note', 'status', 'introduction']);
    expect(entries[0]?.body).toBe('Prefers phone calls');
    expect(entries[3]?.title).toBe('Introduced to you by Intro Ducer');
    const introducerEntries = await personTimeline({ ...t.ctx, id: introducer.id });
    expect(introducerEntries[0]?.title).toBe('Introduced you to Time Line');
    const orgEntries = await organizationTimelineEntries({ ...t.ctx, id: org.id });
    expect(orgEntries.map((e) => e.body)).toContain('They use SQL daily');
    expect(orgEntries.some((e) => e.conversationId === c.id && e.kind === 'status')).toBe(true);
  });
});
