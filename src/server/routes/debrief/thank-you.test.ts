import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';

let t: TestDb;
let send: Send;
beforeAll(async () => {
  ({ t, send } = await openTestApi());
});
afterAll(() => t.close());

async function created<T>(res: Response): Promise<T> {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as T;
}

interface Draft {
  subject: string;
  body: string;
  hint: string | null;
}

describe('GET /api/conversations/{id}/thank-you', () => {
  it('drafts a different note to each participant, quoting what they said and not my summary', async () => {
    const ada = await created<{ id: string }>(await send('POST', '/api/people', { fullName: 'Ada Mensah' }));
    const ben = await created<{ id: string }>(await send('POST', '/api/people', { fullName: 'Ben Okafor' }));
    const conv = await created<{ id: string }>(
      await send('POST', '/api/conversations', { type: 'learn_role', participantIds: [ada.id, ben.id] }),
    );
    const saved = await send('POST', `/api/preparation/debrief/${conv.id}`, {
      summary: 'Ada was far more useful than Ben. Ben seemed bored.',
      insights: [
        { topic: 'advice', body: 'Learn the billing system before anything else', personId: ada.id },
        {
          topic: 'trends',
          body: 'Ben thinks support teams will shrink but get more technical',
          personId: ben.id,
        },
      ],
      promises: [{ owner: 'mine', title: 'take the billing course this month', personId: ada.id }],
    });
    expect(saved.status, await saved.clone().text()).toBeLessThan(300);

    const toAda = await created<Draft>(
      await send('GET', `/api/conversations/${conv.id}/thank-you?personId=${ada.id}`),
    );
    const toBen = await created<Draft>(
      await send('GET', `/api/conversations/${conv.id}/thank-you?personId=${ben.id}`),
    );
    expect(toAda.subject).toBe('Thank you, Ada');
    expect(toAda.body).toContain('“Learn the billing system before anything else.”');
    expect(toAda.body).toContain('Here is what I will do with it: take the billing course this month.');
    expect(toAda.hint).toBeNull();
    expect(toBen.body).toContain('“Support teams will shrink but get more technical.”');
    expect(toBen.body).not.toContain('billing');
    expect(toBen.hint).toMatch(/what you will do/);
    for (const draft of [toAda, toBen]) {
      expect(draft.body).not.toMatch(/more useful|bored/);
    }
  });
});
