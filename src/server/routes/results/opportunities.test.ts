import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send, sendTo } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';
import { createPerson } from '../../../services/people/people.js';

let t: TestDb;
let send: Send;
beforeAll(async () => {
  ({ t, send } = await openTestApi());
});
afterAll(() => t.close());

describe('opportunities over the API', () => {
  it('reads one opportunity with named sources, filters the list, and keeps /dashboard apart', async () => {
    const maya = await createPerson({ ...t.ctx, input: { fullName: 'Maya Okafor' } });
    const created = await send('POST', '/api/opportunities', {
      kind: 'referral',
      title: 'Referral to the analytics team',
      occurredOn: '2026-11-02',
      sources: [{ personId: maya.id }],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await send('POST', '/api/opportunities', {
      kind: 'offer',
      title: 'Offer',
      occurredOn: '2026-11-20',
      sources: [],
    });

    const one = await send('GET', `/api/opportunities/${id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      title: 'Referral to the analytics team',
      sources: [{ personId: maya.id, personName: 'Maya Okafor', conversationId: null }],
    });

    const referrals = (await (await send('GET', '/api/opportunities?kind=referral')).json()) as {
      id: string;
    }[];
    expect(referrals.map((o) => o.id)).toEqual([id]);
    const mayas = (await (await send('GET', `/api/opportunities?personId=${maya.id}`)).json()) as {
      id: string;
    }[];
    expect(mayas.map((o) => o.id)).toEqual([id]);

    expect((await send('GET', '/api/opportunities?kind=promotion')).status).toBe(400);
    expect((await send('GET', '/api/opportunities/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await send('GET', '/api/opportunities/not-an-id')).status).toBe(400);
    const dashboard = await send('GET', '/api/opportunities/dashboard');
    expect(dashboard.status).toBe(200);
    const body = (await dashboard.json()) as { funnel: unknown; credits: unknown };
    expect(body).toHaveProperty('funnel');
    // Each result names what it is credited to: the referral came from Maya, the offer from nobody.
    expect(body.credits).toEqual({
      total: 2,
      results: [
        {
          id: expect.any(String),
          kind: 'offer',
          title: 'Offer',
          occurredOn: '2026-11-20',
          conversations: [],
          people: [],
        },
        {
          id,
          kind: 'referral',
          title: 'Referral to the analytics team',
          occurredOn: '2026-11-02',
          conversations: [],
          people: [{ id: maya.id, fullName: 'Maya Okafor' }],
        },
      ],
    });
  });

  it('leaves an offer with no conversation behind it out of conversations per offer', async () => {
    const ws = await t.otherWorkspace();
    const call = sendTo(() => ws);
    const created = await call('POST', '/api/opportunities', {
      kind: 'offer',
      title: 'Offer from a job board',
      occurredOn: '2026-11-20',
      sources: [],
    });
    expect(created.status).toBe(201);
    const res = await call('GET', '/api/opportunities/dashboard');
    expect(res.status).toBe(200);
    const { conversationsPerOffer, funnel } = (await res.json()) as {
      conversationsPerOffer: {
        mine: number | null;
        offers: number;
        otherOffers: number;
        otherFigures: unknown[];
      };
      funnel: { stage: string; count: number }[];
    };
    expect(conversationsPerOffer).toMatchObject({ mine: null, offers: 0, otherOffers: 1 });
    expect(conversationsPerOffer.otherFigures).toHaveLength(3);
    expect(funnel.find((f) => f.stage === 'offers')?.count).toBe(1);
  });
});
