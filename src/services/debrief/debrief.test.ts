import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { insights } from '../../db/schema.js';
import { createConversation, listConversations, moveConversation } from '../conversations/conversations.js';
import {
  attachDocument,
  conversationDocumentList,
  readDocument,
  uploadDocument,
} from '../documents/documents.js';
import { organizationKnowledge, roleKnowledge } from '../insights/knowledge.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { getPlan, proposeConversationPlan } from '../meetings/plans.js';
import { getPrep, updatePrep } from '../meetings/prep.js';
import { introductionChainOf } from '../network/introductions.js';
import { createOrganization } from '../organizations/organizations.js';
import { createPerson, getPerson, listPeople } from '../people/people.js';
import { search } from '../search/search.js';
import { listTasks } from '../tasks/tasks.js';
import { saveDebrief } from './debrief.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');

describe('preparation and debrief', () => {
  it('prepares, holds and debriefs a meeting: referrals become people introduced through it', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const org = await createOrganization({ ...t.ctx, input: { name: 'Debrief Labs' } });
    const ana = await createPerson({ ...t.ctx, input: { fullName: 'Ana Debrief', organizationId: org.id } });
    const conv = await createConversation({
      ...t.ctx,
      input: { type: 'learn_role', participantIds: [ana.id], role: 'Data analyst' },
    });
    await scheduleMeeting({
      ...t.ctx,
      conversationId: conv.id,
      input: {
        startsAt: new Date('2026-11-25T14:00:00Z'),
        timeZone: 'Europe/Paris',
        medium: 'coffee',
        place: 'Café',
      },
    });

    let prep = await getPrep({ ...t.ctx, conversationId: conv.id });
    expect(prep.status).toBe('not_started');
    expect(prep.leaveBy).not.toBeNull();
    const plan = await proposeConversationPlan({ ...t.ctx, conversationId: conv.id });
    const doc = await uploadDocument({
      ...t.ctx,
      kind: 'resume',
      title: 'Resume',
      versionLabel: 'v3',
      fileName: 'cv.pdf',
      bytes: PDF,
    });
    await attachDocument({ ...t.ctx, conversationId: conv.id, documentId: doc.id, sharedWithId: ana.id });
    expect((await conversationDocumentList({ ...t.ctx, conversationId: conv.id }))[0]).toMatchObject({
      versionLabel: 'v3',
      sharedWithName: 'Ana Debrief',
    });
    prep = await updatePrep({
      ...t.ctx,
      conversationId: conv.id,
      answers: {
        researchDone: true,
        confirmed: true,
        documentsReady: true,
        extraCopies: true,
        travelMinutes: 25,
      },
    });
    expect(prep.done).toBe(prep.total);
    expect(prep.status).toBe('ready');

    t.clock.set('2026-11-25T15:00:00Z');
    await moveConversation({ ...t.ctx, id: conv.id, to: 'held' });
    const firstQuestion = plan.items.find((i) => i.questionId)!;
    const result = await saveDebrief({
      ...t.ctx,
      conversationId: conv.id,
      input: {
        summary: 'Great talk about **analytics** careers.',
        answers: [{ planItemId: firstQuestion.id, answer: 'Mostly SQL and dashboards' }],
        insights: [
          {
            topic: 'skills_wanted',
            body: 'Strong SQL matters most for juniors',
            skills: ['sql', 'SQL ', 'Tableau'],
          },
          { topic: 'unadvertised_opening', body: 'A junior analyst role opens in January' },
        ],
        referrals: [
          {
            fullName: 'Rafa Referred',
            byPersonId: ana.id,
            organizationName: 'Debrief Labs',
            title: 'Analytics lead',
          },
        ],
        promises: [
          { owner: 'mine', title: 'Send Ana my portfolio', dueOn: '2026-11-27' },
          { owner: 'theirs', title: 'Ana asks Rafa about the opening' },
        ],
        keepInTouch: [{ personId: ana.id, permission: 'yes', everyDays: 60, channel: 'email' }],
      },
    });
    expect(result.referred).toHaveLength(1);
    const rafaId = result.referred[0]!.personId;
    const chain = await introductionChainOf({ ...t.ctx, personId: rafaId });
    expect(chain.chain.map((p) => p.fullName)).toEqual(['Rafa Referred', 'Ana Debrief']);
    const rafa = await getPerson({ ...t.ctx, id: rafaId });
    expect(rafa.organizationName).toBe('Debrief Labs');
    expect(rafa.introducedBy?.fullName).toBe('Ana Debrief');
    const next = await listConversations({ ...t.ctx, personId: rafaId });
    expect(next.items[0]?.status).toBe('idea');
    expect((await getPerson({ ...t.ctx, id: ana.id })).keepInTouchEveryDays).toBe(60);
    expect((await listTasks({ ...t.ctx, conversationId: conv.id })).map((x) => x.kind).sort()).toEqual([
      'promise_mine',
      'promise_theirs',
    ]);
    expect(
      (await getPlan({ ...t.ctx, conversationId: conv.id })).items.find((i) => i.id === firstQuestion.id)
        ?.answer,
    ).toBe('Mostly SQL and dashboards');

    const knowledge = await organizationKnowledge({ ...t.ctx, organizationId: org.id });
    expect(knowledge.map((k) => k.topic)).toEqual(['skills_wanted', 'unadvertised_opening']);
    const role = await roleKnowledge({ ...t.ctx, role: 'data analyst' });
    expect(role.skills[0]).toMatchObject({ skill: 'SQL', people: 1, of: 1 });

    const hits = await search({ ...t.ctx, q: 'junior analyst', types: ['insight'] });
    expect(hits.map((h) => h.conversationId)).toContain(conv.id);
    const doc2 = await readDocument({ ...t.ctx, id: doc.id });
    expect(doc2.mimeType).toBe('application/pdf');
  });

  it('writes nothing when part of a debrief is wrong', async () => {
    const p = await createPerson({ ...t.ctx, input: { fullName: 'Atomic Person' } });
    const stranger = await createPerson({ ...t.ctx, input: { fullName: 'Not In It' } });
    const conv = await createConversation({
      ...t.ctx,
      input: { type: 'explore_career', participantIds: [p.id] },
    });
    await expect(
      saveDebrief({
        ...t.ctx,
        conversationId: conv.id,
        input: {
          referrals: [{ fullName: 'Ghost Referral', byPersonId: p.id }],
          keepInTouch: [{ personId: stranger.id, permission: 'yes' }],
        },
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect((await listPeople({ ...t.ctx, q: 'Ghost' })).total).toBe(0);
  });

  it('credits each insight to the participant who said it', async () => {
    const lead = await createPerson({ ...t.ctx, input: { fullName: 'Lena Lead' } });
    const peer = await createPerson({ ...t.ctx, input: { fullName: 'Pia Peer' } });
    const stranger = await createPerson({ ...t.ctx, input: { fullName: 'Sam Stranger' } });
    const conv = await createConversation({
      ...t.ctx,
      input: { type: 'learn_role', participantIds: [lead.id, peer.id] },
    });
    const said = async (personId: string) =>
      (
        await t.ctx.db
          .select({ body: insights.body })
          .from(insights)
          .where(and(eq(insights.conversationId, conv.id), eq(insights.personId, personId)))
      ).map((r) => r.body);
    await expect(
      saveDebrief({
        ...t.ctx,
        conversationId: conv.id,
        input: { insights: [{ topic: 'advice', body: 'Not from them', personId: stranger.id }] },
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    await saveDebrief({
      ...t.ctx,
      conversationId: conv.id,
      input: {
        insights: [
          { topic: 'culture', body: 'Teams pair on every design review', personId: peer.id },
          { topic: 'advice', body: 'Bring one finished project' },
        ],
      },
    });
    expect(await said(peer.id)).toEqual(['Teams pair on every design review']);
    // Left out, it goes to the first participant, as before.
    expect(await said(lead.id)).toEqual(['Bring one finished project']);
    expect(await said(stranger.id)).toEqual([]);
  });

  it('refuses oversized files and files that are not what they claim', async () => {
    await expect(
      uploadDocument({
        ...t.ctx,
        kind: 'resume',
        title: 'Big',
        fileName: 'big.pdf',
        bytes: new Uint8Array(11 * 1024 * 1024),
      }),
    ).rejects.toMatchObject({ code: 'too_large' });
    await expect(
      uploadDocument({
        ...t.ctx,
        kind: 'resume',
        title: 'Fake',
        fileName: 'fake.pdf',
        bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});
