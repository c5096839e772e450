import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type Send } from '../../../../test/api.js';
import type { TestDb } from '../../../../test/db.js';
import { createConversation } from '../../../services/conversations/conversations.js';
import { createOrganization } from '../../../services/organizations/organizations.js';
import { createPerson, listPeople } from '../../../services/people/people.js';

let t: TestDb;
let send: Send;
beforeAll(async () => {
  ({ t, send } = await openTestApi());
});
afterAll(() => t.close());

describe('debrief referrals over the API', () => {
  it('offers and links someone already in the contacts, and adds a new person only on request', async () => {
    const brightpath = await createOrganization({ ...t.ctx, input: { name: 'Brightpath' } });
    const priya = await createPerson({
      ...t.ctx,
      input: { fullName: 'Priya Shah', organizationId: brightpath.id, email: 'priya@brightpath.example' },
    });
    const ana = await createPerson({ ...t.ctx, input: { fullName: 'Ana Participant' } });
    const conv = await createConversation({
      ...t.ctx,
      input: { type: 'learn_role', participantIds: [ana.id] },
    });
    const total = async () => (await listPeople({ ...t.ctx })).total;
    const before = await total();

    // What the form asks while the user types a name.
    const lookup = await send('GET', '/api/preparation/referral-matches?fullName=Priya%20Shah');
    expect(lookup.status).toBe(200);
    expect(await lookup.json()).toEqual([
      expect.objectContaining({
        id: priya.id,
        fullName: 'Priya Shah',
        organizationName: 'Brightpath',
        label: 'Same name',
        likely: true,
      }),
    ]);
    const byEmail = await send('GET', '/api/preparation/referral-matches?email=PRIYA%40brightpath.example');
    expect(await byEmail.json()).toEqual([
      expect.objectContaining({ id: priya.id, reason: 'email', label: 'Same e-mail', likely: false }),
    ]);

    const path = `/api/preparation/debrief/${conv.id}`;
    const linked = await send('POST', path, {
      referrals: [
        { fullName: 'Priya', email: 'Priya@Brightpath.example', byPersonId: ana.id, suggestRequest: false },
      ],
    });
    expect(linked.status).toBe(200);
    expect(await linked.json()).toEqual({
      referred: [{ personId: priya.id, fullName: 'Priya Shah', conversationId: null, matchedBy: 'email' }],
    });
    expect(await total()).toBe(before);

    // Chosen explicitly, with no name typed.
    const chosen = await send('POST', path, {
      referrals: [{ personId: priya.id, byPersonId: ana.id, suggestRequest: false }],
    });
    expect((await chosen.json()) as unknown).toMatchObject({
      referred: [{ personId: priya.id, matchedBy: 'chosen' }],
    });

    // Deliberately a new person.
    const created = await send('POST', path, {
      referrals: [
        { fullName: 'Priya Shah', organizationName: 'Brightpath', byPersonId: ana.id, createNew: true },
      ],
    });
    const body = (await created.json()) as { referred: { personId: string; matchedBy: string | null }[] };
    expect(body.referred[0]?.personId).not.toBe(priya.id);
    expect(body.referred[0]?.matchedBy).toBeNull();
    expect(await total()).toBe(before + 1);

    // Neither a name nor a person: the message lands on the row's name field.
    const missing = await send('POST', path, { referrals: [{ byPersonId: ana.id }] });
    expect(missing.status).toBe(400);
    const problem = (await missing.json()) as { error: { issues: { field: string; message: string }[] } };
    expect(problem.error.issues).toContainEqual({
      field: 'referrals.0.fullName',
      message: 'Name is required.',
    });
  });
});
