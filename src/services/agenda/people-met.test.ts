import { eq, inArray } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdMeeting, parisWorkspace } from '../../../test/agenda.js';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { conversationParticipants, conversations, people, workspaces } from '../../db/schema.js';
import { MET_STATUSES } from '../../domain/meeting-reminders.js';
import { CONVERSATION_STATUSES } from '../../domain/vocab.js';
import { createBackup } from '../backup/backup.js';
import { applyRestore } from '../backup/restore.js';
import type { Ctx } from '../context.js';
import {
  createConversation,
  deleteConversation,
  updateConversation,
} from '../conversations/conversations.js';
import { createPerson, deletePerson } from '../people/people.js';
import { todayAgenda } from './agenda.js';

/**
 * Who has been met is kept on the person by the database (people.met, migration 0020's triggers),
 * and Today's keep-in-touch group reads only that. These tests change conversations and their
 * participants every way the app (or a restore) can, and check the flag and the reminders.
 */
const DAY = 86_400_000;
let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const workspace = () => parisWorkspace(t, { keepInTouchDefaultDays: 30 });

async function metOf(ctx: Ctx, ...ids: string[]): Promise<boolean[]> {
  const rows = await ctx.db
    .select({ id: people.id, met: people.met })
    .from(people)
    .where(inArray(people.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!.met);
}

async function keepInTouch(ctx: Ctx): Promise<string[]> {
  const agenda = await todayAgenda(ctx);
  return agenda.items.filter((i) => i.kind === 'keep_in_touch').map((i) => i.title);
}

describe('people met', () => {
  it('counts as met exactly the statuses the domain calls met', async () => {
    const ctx = await workspace();
    const person = await createPerson({ ...ctx, input: { fullName: 'Stella Status' } });
    const conversation = await createConversation({
      ...ctx,
      input: { type: 'explore_career', participantIds: [person.id] },
    });
    for (const status of [...CONVERSATION_STATUSES, 'idea' as const]) {
      // Set directly, so every status is visited whatever order the app allows.
      await ctx.db.update(conversations).set({ status }).where(eq(conversations.id, conversation.id));
      expect(await metOf(ctx, person.id), status).toEqual([
        (MET_STATUSES as readonly string[]).includes(status),
      ]);
    }
  });

  it('follows held conversations as participants come and go and conversations are deleted', async () => {
    const ctx = await workspace();
    const ada = await createPerson({ ...ctx, input: { fullName: 'Ada Held' } });
    const ben = await createPerson({ ...ctx, input: { fullName: 'Ben Later' } });
    const cy = await createPerson({ ...ctx, input: { fullName: 'Cy Twice' } });
    expect(await metOf(ctx, ada.id, ben.id, cy.id)).toEqual([false, false, false]);

    const first = await holdMeeting(ctx, t.clock, ada.id, 'Europe/Paris');
    const second = await holdMeeting(ctx, t.clock, cy.id, 'Europe/Paris');
    expect(await metOf(ctx, ada.id, ben.id, cy.id)).toEqual([true, false, true]);

    // Joining a held conversation makes one met; leaving it, no longer (unless met elsewhere).
    await updateConversation({ ...ctx, id: first.id, input: { participantIds: [ada.id, ben.id, cy.id] } });
    expect(await metOf(ctx, ada.id, ben.id, cy.id)).toEqual([true, true, true]);
    await updateConversation({ ...ctx, id: first.id, input: { participantIds: [ben.id] } });
    expect(await metOf(ctx, ada.id, ben.id, cy.id)).toEqual([false, true, true]);

    // A participant row moved to someone else (as a merge of duplicates does).
    await ctx.db
      .update(conversationParticipants)
      .set({ personId: ada.id })
      .where(eq(conversationParticipants.conversationId, first.id));
    expect(await metOf(ctx, ada.id, ben.id)).toEqual([true, false]);

    // Deleting the conversation takes its participants with it.
    await deleteConversation({ ...ctx, id: first.id });
    expect(await metOf(ctx, ada.id, cy.id)).toEqual([false, true]);
    await deleteConversation({ ...ctx, id: second.id });
    expect(await metOf(ctx, cy.id)).toEqual([false]);
  });

  it('gives Today a reminder for each person met, and none once the meeting is gone', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const ctx = await workspace();
    const mia = await createPerson({ ...ctx, input: { fullName: 'Mia Met' } });
    const never = await createPerson({ ...ctx, input: { fullName: 'Nora Never' } });
    const gone = await createPerson({ ...ctx, input: { fullName: 'Gus Gone' } });
    await holdMeeting(ctx, t.clock, mia.id, 'Europe/Paris');
    const meeting = await holdMeeting(ctx, t.clock, gone.id, 'Europe/Paris');
    t.clock.advance(30 * DAY);
    expect(await keepInTouch(ctx)).toEqual(['Keep in touch with Gus Gone', 'Keep in touch with Mia Met']);
    await deleteConversation({ ...ctx, id: meeting.id });
    expect(await keepInTouch(ctx)).toEqual(['Keep in touch with Mia Met']);
    await deletePerson({ ...ctx, id: never.id });
    expect(await keepInTouch(ctx)).toEqual(['Keep in touch with Mia Met']);
  });

  it('is set again by a restore, which leaves it out of the archive', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const source = await workspace();
    const met = await createPerson({ ...source, input: { fullName: 'Rita Restored' } });
    const other = await createPerson({ ...source, input: { fullName: 'Otto Other' } });
    await holdMeeting(source, t.clock, met.id, 'Europe/Paris');
    await createConversation({ ...source, input: { type: 'explore_career', participantIds: [other.id] } });
    const backup = await createBackup(source);
    const archived = JSON.parse(strFromU8(unzipSync(backup.bytes)['tables/people.json']!)) as object[];
    expect(archived.length).toBe(2);
    for (const row of archived) expect(row).not.toHaveProperty('met');
    await source.db.delete(workspaces).where(eq(workspaces.id, source.workspaceId));

    const target = await workspace();
    await applyRestore({ ...target, bytes: backup.bytes });
    expect(await metOf(target, met.id, other.id)).toEqual([true, false]);
    t.clock.advance(30 * DAY);
    expect(await keepInTouch(target)).toEqual(['Keep in touch with Rita Restored']);
  });
});
