import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createConversation, moveConversation } from '../conversations/conversations.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createOrganization } from '../organizations/organizations.js';
import { logMessage } from '../outreach/messages.js';
import { createPerson, updatePerson } from '../people/people.js';
import {
  createOpportunity,
  creditsFor,
  getOpportunity,
  listOpportunities,
  startFeedbackConversation,
} from '../results/opportunities.js';
import { dashboard } from '../results/stats.js';
import {
  createIntroduction,
  introductionChainOf,
  introductionGraph,
  updateIntroduction,
} from './introductions.js';
import { organizationCoverage, warmPathsTo } from './warm-paths.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const DAY = 86_400_000;

async function heldConversation(personId: string, organizationId?: string) {
  const c = await createConversation({
    ...t.ctx,
    input: { type: 'learn_role', participantIds: [personId], organizationId },
  });
  await logMessage({
    ...t.ctx,
    input: { personId, conversationId: c.id, channel: 'email', direction: 'out', purpose: 'request' },
  });
  t.clock.advance(DAY);
  await logMessage({
    ...t.ctx,
    input: { personId, conversationId: c.id, channel: 'email', direction: 'in', purpose: 'reply' },
  });
  await scheduleMeeting({
    ...t.ctx,
    conversationId: c.id,
    input: { startsAt: new Date(t.clock.now().getTime() + DAY), timeZone: 'UTC', medium: 'video' },
  });
  t.clock.advance(2 * DAY);
  await moveConversation({ ...t.ctx, id: c.id, to: 'held' });
  return c;
}

describe('introduction chains, warm paths and credit', () => {
  it('builds a three-step chain, finds warm paths and credits an offer along the chain', async () => {
    t.clock.set('2026-10-01T09:00:00Z');
    const target = await createOrganization({ ...t.ctx, input: { name: 'Summit Health' } });
    const colleague = await createPerson({
      ...t.ctx,
      input: { fullName: 'Cora Colleague', keepInTouch: 'yes' },
    });
    const cousin = await createPerson({ ...t.ctx, input: { fullName: 'Carl Cousin' } });
    const insider = await createPerson({
      ...t.ctx,
      input: { fullName: 'Ivy Insider', organizationId: target.id, seniority: 'manager' },
    });
    const formerly = await createPerson({
      ...t.ctx,
      input: { fullName: 'Fred Former', pastOrganizationIds: [target.id] },
    });
    const first = await heldConversation(colleague.id);
    await createIntroduction({
      ...t.ctx,
      input: {
        introducerId: colleague.id,
        introducedId: cousin.id,
        viaConversationId: first.id,
        state: 'asked',
      },
    });
    const second = await heldConversation(cousin.id);
    const intro = await createIntroduction({
      ...t.ctx,
      input: { introducerId: cousin.id, introducedId: insider.id, viaConversationId: second.id },
    });
    await updateIntroduction({ ...t.ctx, id: intro.id, state: 'met' });

    const chain = await introductionChainOf({ ...t.ctx, personId: insider.id });
    expect(chain.chain.map((p) => p.fullName)).toEqual(['Ivy Insider', 'Carl Cousin', 'Cora Colleague']);
    expect(chain.text).toBe('You ← Cora Colleague ← Carl Cousin ← Ivy Insider');

    const paths = await warmPathsTo({ ...t.ctx, organizationId: target.id });
    expect(paths[0]?.people.map((p) => p.fullName)).toEqual(['Ivy Insider']);
    // Carl already introduced Ivy, so nobody is asked to introduce her again.
    expect(paths.filter((p) => p.hops > 0)).toEqual([]);
    expect(paths.find((p) => p.insiderId === formerly.id)?.formerly).toBe(true);

    const last = await heldConversation(insider.id, target.id);
    const offer = await createOpportunity({
      ...t.ctx,
      input: {
        kind: 'offer',
        title: 'Learning designer offer',
        organizationId: target.id,
        occurredOn: '2026-10-20',
        sources: [{ conversationId: last.id }],
      },
    });
    for (const person of [insider, cousin, colleague]) {
      const credits = await creditsFor({ ...t.ctx, personId: person.id });
      expect(
        credits.map((c) => c.id),
        person.fullName,
      ).toEqual([offer.id]);
      expect(credits[0]?.direct).toBe(person.id === insider.id);
    }
    expect(await creditsFor({ ...t.ctx, personId: formerly.id })).toEqual([]);

    const graph = await introductionGraph(t.ctx);
    expect(graph.edges).toHaveLength(2);
    expect(graph).toMatchObject({ truncated: false, totalEdges: 2 });
    // A graph too large to draw says so, and keeps the newest introductions.
    const capped = await introductionGraph({ ...t.ctx, limit: 1 });
    expect(capped).toMatchObject({ truncated: true, totalEdges: 2 });
    expect(capped.edges).toHaveLength(1);

    // The opportunity is found through any of its sources, with their names.
    const bySource = await listOpportunities(t.ctx, { personId: insider.id });
    expect(bySource.map((o) => o.id)).toEqual([offer.id]);
    expect(bySource[0]!.sources).toEqual([
      { conversationId: last.id, conversationTitle: last.title, personId: null, personName: null },
    ]);
    expect(await listOpportunities(t.ctx, { personId: formerly.id })).toEqual([]);
    expect((await listOpportunities(t.ctx, { kind: 'offer' })).map((o) => o.id)).toEqual([offer.id]);
    expect(await listOpportunities(t.ctx, { kind: 'rejection' })).toEqual([]);
    expect((await getOpportunity({ ...t.ctx, id: offer.id })).title).toBe(offer.title);
    expect(graph.nodes.map((n) => n.fullName).sort()).toEqual([
      'Carl Cousin',
      'Cora Colleague',
      'Ivy Insider',
    ]);

    const stats = await dashboard(t.ctx);
    const byStage = Object.fromEntries(stats.funnel.map((f) => [f.stage, f.count]));
    expect(byStage).toMatchObject({ requestsSent: 3, replies: 3, meetingsHeld: 3, referrals: 2, offers: 1 });
    expect(stats.conversationsPerOffer.mine).toBe(3);
    expect(stats.conversationsPerOffer.reference).toBe(12);
    expect(stats.medianDaysToReply).toBeCloseTo(1, 5);
    expect(stats.replyRate.byChannel).toEqual([{ key: 'email', sent: 3, replied: 3, rate: 1 }]);
    expect(stats.replyRate.byIntroducer.map((r) => r.key).sort()).toEqual(['Carl Cousin', 'Cora Colleague']);
  });

  it('shows coverage by level and nudges toward staff when only managers were heard', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Coverage Co' } });
    const boss = await createPerson({
      ...t.ctx,
      input: { fullName: 'Boss One', organizationId: org.id, seniority: 'director' },
    });
    await createPerson({
      ...t.ctx,
      input: { fullName: 'Staff Two', organizationId: org.id, seniority: 'staff' },
    });
    await heldConversation(boss.id, org.id);
    const cov = await organizationCoverage({ ...t.ctx, organizationId: org.id });
    expect(cov.people).toBe(2);
    expect(cov.heardFrom).toBe(1);
    expect(cov.levelsHeard).toEqual(['director']);
    expect(cov.nudges.join(' ')).toMatch(/only heard from managers/);
  });

  it('offers a feedback conversation after a rejection, linked to it', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Rejecting Inc' } });
    const manager = await createPerson({
      ...t.ctx,
      input: { fullName: 'Hira Manager', organizationId: org.id },
    });
    const rejection = await createOpportunity({
      ...t.ctx,
      input: {
        kind: 'rejection',
        title: 'Analyst role',
        organizationId: org.id,
        occurredOn: '2026-11-01',
        sources: [{ personId: manager.id }],
      },
    });
    const conv = await startFeedbackConversation({
      ...t.ctx,
      opportunityId: rejection.id,
      personId: manager.id,
    });
    expect(conv.type).toBe('rejection_feedback');
    expect(conv.followsOpportunityId).toBe(rejection.id);
    expect(conv.organizationName).toBe('Rejecting Inc');
    const offer = await createOpportunity({
      ...t.ctx,
      input: { kind: 'offer', title: 'x', occurredOn: '2026-11-01', sources: [{ personId: manager.id }] },
    });
    await expect(
      startFeedbackConversation({ ...t.ctx, opportunityId: offer.id, personId: manager.id }),
    ).rejects.toMatchObject({
      code: 'validation',
    });
    await updatePerson({ ...t.ctx, id: manager.id, input: { title: 'Hiring manager' } });
  });
});
