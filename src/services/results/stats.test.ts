import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { replyBehaviour } from '../../domain/relationship.js';
import type { Ctx } from '../context.js';
import { createConversation, moveConversation } from '../conversations/conversations.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createIntroduction } from '../network/introductions.js';
import { logMessage } from '../outreach/messages.js';
import { createTemplate } from '../outreach/templates.js';
import { createPerson } from '../people/people.js';
import { CREDITED_RESULTS_SHOWN } from './credits.js';
import { createOpportunity } from './opportunities.js';
import { BEHAVIOUR_PEOPLE_SHOWN, dashboard } from './stats.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const NOW = new Date('2026-11-02T12:00:00Z');

/** A request sent `daysAgo` before NOW, answered `replyAfter` days later (or never). */
interface Ask {
  daysAgo: number;
  replyAfter: number | null;
}

/** People and what happened to the requests sent to them, covering every rule of replyBehaviour. */
const SCENARIOS: { name: string; asks: Ask[]; warm?: boolean }[] = [
  { name: 'Ada Fast', asks: [{ daysAgo: 40, replyAfter: 1 }], warm: true },
  { name: 'Ben Threshold', asks: [{ daysAgo: 40, replyAfter: 2.9 }] },
  { name: 'Cai Slow', asks: [{ daysAgo: 40, replyAfter: 6 }] },
  { name: 'Dee Silent', asks: [{ daysAgo: 30, replyAfter: null }] },
  { name: 'Eli Fresh', asks: [{ daysAgo: 2, replyAfter: null }] },
  {
    name: 'Fay Tie',
    asks: [
      { daysAgo: 50, replyAfter: 1 },
      { daysAgo: 30, replyAfter: null },
    ],
  },
  {
    name: 'Gus Mostly Silent',
    asks: [
      { daysAgo: 60, replyAfter: 1 },
      { daysAgo: 45, replyAfter: null },
      { daysAgo: 20, replyAfter: null },
    ],
  },
  // Answered, but the answer is still in the future of NOW: it has not happened yet.
  { name: 'Hal Future Reply', asks: [{ daysAgo: 1, replyAfter: 3 }] },
];

async function ask(personId: string, a: Ask, templateId: string | null) {
  t.clock.set(new Date(NOW.getTime() - a.daysAgo * DAY));
  const c = await createConversation({ ...t.ctx, input: { type: 'learn_role', participantIds: [personId] } });
  await logMessage({
    ...t.ctx,
    input: {
      personId,
      conversationId: c.id,
      channel: templateId ? 'email' : 'linkedin',
      direction: 'out',
      purpose: 'request',
      templateId,
    },
  });
  if (a.replyAfter === null) return;
  t.clock.advance(a.replyAfter * DAY);
  await logMessage({
    ...t.ctx,
    input: { personId, conversationId: c.id, channel: 'email', direction: 'in', purpose: 'reply' },
  });
}

describe('results dashboard', () => {
  it('labels reply behaviour exactly as the rule in domain/relationship.ts does', async () => {
    const template = await createTemplate({
      ...t.ctx,
      input: { name: 'Short ask', kind: 'request', body: 'Could we talk for 20 minutes?' },
    });
    const expected = new Map<string, string>();
    const introducer = await createPerson({ ...t.ctx, input: { fullName: 'Ivy Introducer' } });
    for (const [i, s] of SCENARIOS.entries()) {
      const person = await createPerson({ ...t.ctx, input: { fullName: s.name } });
      if (s.warm) {
        await createIntroduction({
          ...t.ctx,
          input: { introducerId: introducer.id, introducedId: person.id, state: 'made' },
        });
      }
      for (const a of s.asks) await ask(person.id, a, i % 2 ? template.id : null);
      const requests = s.asks.map((a) => {
        const sentAt = new Date(NOW.getTime() - a.daysAgo * DAY);
        return {
          sentAt,
          repliedAt: a.replyAfter === null ? null : new Date(sentAt.getTime() + a.replyAfter * DAY),
        };
      });
      expected.set(s.name, replyBehaviour(requests, NOW, { timeZone: 'UTC', holidays: [] }));
    }
    t.clock.set(NOW);

    const stats = await dashboard(t.ctx);
    const actual = new Map<string, string>();
    for (const g of stats.replyBehaviour) {
      expect(g.total).toBe(g.people.length);
      for (const p of g.people) actual.set(p.fullName, g.behaviour);
    }
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    // The cases above reach every label, so a rule that drifted would show.
    expect(new Set(expected.values())).toEqual(new Set(['fast_helper', 'slow', 'never', 'unknown']));

    const asks = SCENARIOS.flatMap((s) => s.asks);
    const byStage = Object.fromEntries(stats.funnel.map((f) => [f.stage, f.count]));
    expect(byStage.requestsSent).toBe(asks.length);
    expect(byStage.replies).toBe(asks.filter((a) => a.replyAfter !== null).length);
    const warm = stats.replyRate.warmVsCold.find((r) => r.key === 'warm');
    expect(warm).toMatchObject({ sent: 1, replied: 1 });
    expect(stats.replyRate.byIntroducer).toEqual([{ key: 'Ivy Introducer', sent: 1, replied: 1, rate: 1 }]);
    const templated = stats.replyRate.byTemplate.find((r) => r.key === 'Short ask');
    expect(templated?.sent).toBe(SCENARIOS.filter((_, i) => i % 2).flatMap((s) => s.asks).length);
    const days = asks.flatMap((a) => (a.replyAfter === null ? [] : [a.replyAfter])).sort((x, y) => x - y);
    const mid = days.length >> 1;
    const median = days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
    expect(stats.medianDaysToReply).toBeCloseTo(median, 5);
  });

  it('counts everyone in a reply group but names only the most recently asked', async () => {
    const other = await t.otherWorkspace();
    const total = BEHAVIOUR_PEOPLE_SHOWN + 3;
    for (let i = 0; i < total; i++) {
      const person = await createPerson({ ...other, input: { fullName: `Quiet Person ${i}` } });
      t.clock.set(new Date(NOW.getTime() - (40 - i) * DAY));
      const c = await createConversation({
        ...other,
        input: { type: 'learn_role', participantIds: [person.id] },
      });
      await logMessage({
        ...other,
        input: {
          personId: person.id,
          conversationId: c.id,
          channel: 'email',
          direction: 'out',
          purpose: 'request',
        },
      });
    }
    t.clock.set(NOW);
    const never = (await dashboard(other)).replyBehaviour.find((g) => g.behaviour === 'never')!;
    expect(never.total).toBe(total);
    expect(never.people).toHaveLength(BEHAVIOUR_PEOPLE_SHOWN);
    expect(never.people[0]!.fullName).toBe(`Quiet Person ${total - 1}`);
  });

  it('counts only an answer to the latest request: asking again after a no waits for a new answer', async () => {
    const other = await t.otherWorkspace();
    const person = await createPerson({ ...other, input: { fullName: 'Ravi Rerequest' } });
    t.clock.set(new Date(NOW.getTime() - 60 * DAY));
    const c = await createConversation({
      ...other,
      input: { type: 'learn_role', participantIds: [person.id] },
    });
    const send = (purpose: 'request' | 'reply', direction: 'out' | 'in') =>
      logMessage({
        ...other,
        input: { personId: person.id, conversationId: c.id, channel: 'email', direction, purpose },
      });
    await send('request', 'out');
    t.clock.advance(DAY);
    await moveConversation({ ...other, id: c.id, to: 'declined' });
    t.clock.advance(10 * DAY);
    await moveConversation({ ...other, id: c.id, to: 'idea' });
    await send('request', 'out');
    t.clock.set(NOW);
    let stats = await dashboard(other);
    expect(stats.funnel.find((f) => f.stage === 'replies')?.count).toBe(0);
    expect(stats.replyBehaviour.find((g) => g.behaviour === 'never')?.total).toBe(1);

    // The new request's first answer counts from the new request, not the old one.
    t.clock.set(new Date(NOW.getTime() + 2 * DAY));
    await send('reply', 'in');
    stats = await dashboard({ ...other, now: () => new Date(NOW.getTime() + 3 * DAY) });
    expect(stats.funnel.find((f) => f.stage === 'replies')?.count).toBe(1);
    expect(stats.medianDaysToReply).toBeCloseTo(
      (NOW.getTime() + 2 * DAY - (NOW.getTime() - 49 * DAY)) / DAY,
      5,
    );
    t.clock.set(NOW);
  });

  it('counts conversations per offer only for offers a conversation produced, directly or down an introduction chain', async () => {
    const ws = await t.otherWorkspace();
    t.clock.set(NOW);
    const priya = await createPerson({ ...ws, input: { fullName: 'Priya Held' } });
    const conversation = await heldConversation(ws, priya.id);
    const offer = (title: string, sources: { conversationId?: string; personId?: string }[]) =>
      createOpportunity({ ...ws, input: { kind: 'offer', title, occurredOn: '2026-11-01', sources } });

    // An offer from a job board, with no source: no conversation produced it.
    await offer('Job board offer', []);
    let perOffer = (await dashboard(ws)).conversationsPerOffer;
    expect(perOffer).toMatchObject({ mine: null, held: 1, offers: 0, otherOffers: 1 });

    // A recruiter nobody introduced, never met in a conversation: still not credited.
    const recruiter = await createPerson({ ...ws, input: { fullName: 'Rita Recruiter' } });
    await offer('Recruiter offer', [{ personId: recruiter.id }]);
    perOffer = (await dashboard(ws)).conversationsPerOffer;
    expect(perOffer).toMatchObject({ mine: null, offers: 0, otherOffers: 2 });

    // Priya (met) introduced Dev, Dev introduced Ezra, and Ezra's team made the offer.
    const dev = await createPerson({ ...ws, input: { fullName: 'Dev Between' } });
    const ezra = await createPerson({ ...ws, input: { fullName: 'Ezra End' } });
    await createIntroduction({ ...ws, input: { introducerId: priya.id, introducedId: dev.id } });
    await createIntroduction({ ...ws, input: { introducerId: dev.id, introducedId: ezra.id } });
    await offer('Offer through a chain', [{ personId: ezra.id }]);
    perOffer = (await dashboard(ws)).conversationsPerOffer;
    expect(perOffer).toMatchObject({ mine: 1, held: 1, offers: 1, otherOffers: 2 });

    // An offer credited to the conversation itself, and one to a person introduced in a conversation.
    await offer('Offer from the conversation', [{ conversationId: conversation.id }]);
    const fay = await createPerson({ ...ws, input: { fullName: 'Fay Referred' } });
    await createIntroduction({
      ...ws,
      input: { introducerId: recruiter.id, introducedId: fay.id, viaConversationId: conversation.id },
    });
    await offer('Offer from a referral made in a conversation', [{ personId: fay.id }]);
    const stats = await dashboard(ws);
    expect(stats.conversationsPerOffer).toMatchObject({ offers: 3, otherOffers: 2, mine: 1 / 3 });
    // The funnel still shows every offer recorded.
    expect(stats.funnel.find((f) => f.stage === 'offers')?.count).toBe(5);
    // The other reference figures come with their sources and caveats.
    const sources = stats.conversationsPerOffer.otherFigures.map((f) => f.source).join(' | ');
    expect(sources).toMatch(/Jobvite/);
    expect(sources).toMatch(/Granovetter/);
    expect(sources).toMatch(/Burks/);
    for (const f of stats.conversationsPerOffer.otherFigures) expect(f.caveat).not.toBe('');
  });
});

describe('results dashboard: credits and weeks', () => {
  it('names the conversations and people each result is credited to, down an introduction chain', async () => {
    const ws = await t.otherWorkspace();
    t.clock.set(NOW);
    const priya = await createPerson({ ...ws, input: { fullName: 'Priya Held' } });
    const conversation = await heldConversation(ws, priya.id);
    const dev = await createPerson({ ...ws, input: { fullName: 'Dev Between' } });
    const ezra = await createPerson({ ...ws, input: { fullName: 'Ezra End' } });
    await createIntroduction({ ...ws, input: { introducerId: priya.id, introducedId: dev.id } });
    await createIntroduction({ ...ws, input: { introducerId: dev.id, introducedId: ezra.id } });
    const record = (
      title: string,
      occurredOn: string,
      sources: { conversationId?: string; personId?: string }[],
    ) => createOpportunity({ ...ws, input: { kind: 'offer', title, occurredOn, sources } });
    await record('Job board offer', '2026-10-01', []);
    await record('Offer through a chain', '2026-10-20', [{ personId: ezra.id }]);
    await record('Offer from the conversation', '2026-10-25', [{ conversationId: conversation.id }]);

    const { credits } = await dashboard(ws);
    expect(credits.total).toBe(3);
    expect(
      credits.results.map((r) => ({
        title: r.title,
        conversations: r.conversations.map((c) => c.id),
        people: r.people.map((p) => p.fullName),
      })),
    ).toEqual([
      { title: 'Offer from the conversation', conversations: [conversation.id], people: [] },
      { title: 'Offer through a chain', conversations: [conversation.id], people: ['Ezra End'] },
      { title: 'Job board offer', conversations: [], people: [] },
    ]);
    expect(credits.results[0]!.conversations[0]!.title).toBe(conversation.title);
    // Another workspace's results stay out.
    expect((await dashboard(await t.otherWorkspace())).credits).toEqual({ total: 0, results: [] });
  });

  it('lists only the latest results but counts them all', async () => {
    const ws = await t.otherWorkspace();
    for (let i = 1; i <= CREDITED_RESULTS_SHOWN + 2; i++) {
      const day = String(i).padStart(2, '0');
      await createOpportunity({
        ...ws,
        input: { kind: 'referral', title: `Referral ${i}`, occurredOn: `2026-10-${day}`, sources: [] },
      });
    }
    const { credits } = await dashboard(ws);
    expect(credits.total).toBe(CREDITED_RESULTS_SHOWN + 2);
    expect(credits.results).toHaveLength(CREDITED_RESULTS_SHOWN);
    expect(credits.results[0]!.title).toBe(`Referral ${CREDITED_RESULTS_SHOWN + 2}`);
  });

  it('charts only the weeks since the workspace began, or since its first meeting if earlier', async () => {
    // Begun on Tuesday 27 October 2026; NOW is Monday 2 November: two weeks, not eight.
    t.clock.set(new Date('2026-10-27T10:00:00Z'));
    const ws = await t.otherWorkspace();
    t.clock.set(NOW);
    let weeks = (await dashboard(ws)).meetingsPerWeek.weeks;
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-10-26', '2026-11-02']);

    // A meeting held before the workspace was made (recorded afterwards) moves the start back.
    const person = await createPerson({ ...ws, input: { fullName: 'Olu Early' } });
    t.clock.set(new Date('2026-10-14T10:00:00Z'));
    const c = await createConversation({ ...ws, input: { type: 'learn_role', participantIds: [person.id] } });
    t.clock.set(NOW);
    await scheduleMeeting({
      ...ws,
      conversationId: c.id,
      input: {
        startsAt: new Date('2026-10-14T10:00:00Z'),
        timeZone: 'UTC',
        medium: 'video',
        alreadyHappened: true,
      },
    });
    weeks = (await dashboard(ws)).meetingsPerWeek.weeks;
    expect(weeks.map((w) => [w.weekStart, w.count])).toEqual([
      ['2026-10-12', 1],
      ['2026-10-19', 0],
      ['2026-10-26', 0],
      ['2026-11-02', 0],
    ]);

    // A workspace older than the chart shows the usual eight weeks.
    t.clock.set(new Date('2026-01-05T10:00:00Z'));
    const old = await t.otherWorkspace();
    t.clock.set(NOW);
    expect((await dashboard(old)).meetingsPerWeek.weeks).toHaveLength(8);
  });
});

/** A conversation with one person, taken from request to held. */
async function heldConversation(ctx: Ctx, personId: string) {
  const c = await createConversation({ ...ctx, input: { type: 'learn_role', participantIds: [personId] } });
  await logMessage({
    ...ctx,
    input: { personId, conversationId: c.id, channel: 'email', direction: 'out', purpose: 'request' },
  });
  await logMessage({
    ...ctx,
    input: { personId, conversationId: c.id, channel: 'email', direction: 'in', purpose: 'reply' },
  });
  await scheduleMeeting({
    ...ctx,
    conversationId: c.id,
    input: {
      startsAt: new Date(ctx.now().getTime() - DAY),
      timeZone: 'UTC',
      medium: 'video',
      alreadyHappened: true,
    },
  });
  return c;
}
