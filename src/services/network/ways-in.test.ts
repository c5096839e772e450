import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { createApp } from '../../server/app.js';
import { createConversation } from '../conversations/conversations.js';
import { scheduleMeeting } from '../meetings/meetings.js';
import { createOrganization } from '../organizations/organizations.js';
import { createPerson } from '../people/people.js';
import { createIntroduction } from './introductions.js';
import { warmPathsTo } from './warm-paths.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

/** A conversation with the person that took place last week. */
async function met(personId: string) {
  const c = await createConversation({ ...t.ctx, input: { type: 'learn_role', participantIds: [personId] } });
  await scheduleMeeting({
    ...t.ctx,
    conversationId: c.id,
    input: {
      startsAt: new Date('2026-11-16T10:00:00Z'),
      timeZone: 'UTC',
      medium: 'video',
      alreadyHappened: true,
    },
  });
}

async function person(fullName: string, organizationId?: string) {
  return createPerson({ ...t.ctx, input: { fullName, organizationId: organizationId ?? null } });
}

async function introduced(introducerId: string, introducedId: string, state: 'asked' | 'made') {
  await createIntroduction({ ...t.ctx, input: { introducerId, introducedId, state } });
}

type Path = { people: { fullName: string }[] };
const chains = (paths: Path[]) => paths.map((p) => p.people.map((x) => x.fullName).join(' > ')).sort();

async function waysInOverHttp(organizationId: string): Promise<Path[]> {
  const res = await app.request(`http://localhost:4310/api/network/warm-paths/${organizationId}`, {
    headers: { host: 'localhost:4310' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Path[];
}

describe('ways in: only introductions worth asking for', () => {
  it('never suggests an introduction to someone already met, introduced, or who introduced the user', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Summit Health' } });
    // Cora was asked to introduce Ivy, but the user has since met Ivy anyway.
    const cora = await createPerson({ ...t.ctx, input: { fullName: 'Cora Colleague', keepInTouch: 'yes' } });
    const ivy = await person('Ivy Insider', org.id);
    await introduced(cora.id, ivy.id, 'asked');
    await met(ivy.id);
    // Xena, who works there, introduced Bob to the user: Bob is no way back to her.
    const xena = await person('Xena Introducer', org.id);
    const bob = await person('Bob Introduced');
    await introduced(xena.id, bob.id, 'made');
    // Alma already introduced Yuri: no need to ask her again.
    const alma = await person('Alma Again');
    const yuri = await person('Yuri Introduced', org.id);
    await introduced(alma.id, yuri.id, 'made');

    const expected = ['Ivy Insider', 'Xena Introducer', 'Yuri Introduced'];
    expect(chains(await warmPathsTo({ ...t.ctx, organizationId: org.id }))).toEqual(expected);
    expect(chains(await waysInOverHttp(org.id))).toEqual(expected);
  });

  it('keeps a pending introduction to a stranger, through the person the user knows', async () => {
    const org = await createOrganization({ ...t.ctx, input: { name: 'Northwind Learning' } });
    // Dana, met last week, offered to introduce Zed.
    const dana = await person('Dana Referrer');
    await met(dana.id);
    const zed = await person('Zed Stranger', org.id);
    await introduced(dana.id, zed.id, 'asked');
    // Eve could introduce Finn, whom the user has met; Finn could introduce Gus.
    const eve = await createPerson({ ...t.ctx, input: { fullName: 'Eve Friend', keepInTouch: 'yes' } });
    const finn = await person('Finn Met');
    await met(finn.id);
    const gus = await person('Gus Stranger', org.id);
    await introduced(eve.id, finn.id, 'asked');
    await introduced(finn.id, gus.id, 'asked');

    const expected = [
      'Dana Referrer > Zed Stranger',
      'Finn Met > Gus Stranger',
      'Gus Stranger',
      'Zed Stranger',
    ];
    expect(chains(await warmPathsTo({ ...t.ctx, organizationId: org.id }))).toEqual(expected);
    expect(chains(await waysInOverHttp(org.id))).toEqual(expected);
  });
});
