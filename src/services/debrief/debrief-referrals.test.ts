import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/db.js';
import { introductions } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { createConversation, listConversations } from '../conversations/conversations.js';
import { createOrganization } from '../organizations/organizations.js';
import { createPerson, listPeople } from '../people/people.js';
import { saveDebrief } from './debrief.js';
import { findReferralMatches } from './debrief-referrals.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

async function peopleCount(ctx: Ctx): Promise<number> {
  return (await listPeople({ ...ctx })).total;
}

async function introduction(ctx: Ctx, introducerId: string, introducedId: string) {
  const [row] = await ctx.db
    .select()
    .from(introductions)
    .where(
      and(
        eq(introductions.workspaceId, ctx.workspaceId),
        eq(introductions.introducerId, introducerId),
        eq(introductions.introducedId, introducedId),
      ),
    );
  return row;
}

/** A workspace with contacts to refer to and a conversation with Ana, who refers them. */
async function setUp() {
  const ws = await t.otherWorkspace();
  const brightpath = await createOrganization({ ...ws, input: { name: 'Brightpath, Inc.' } });
  const priya = await createPerson({
    ...ws,
    input: { fullName: 'Priya Shah', organizationId: brightpath.id, email: 'Priya.Shah@brightpath.example' },
  });
  const omar = await createPerson({
    ...ws,
    input: { fullName: 'Omar Haddad', linkedinUrl: 'https://www.linkedin.com/in/omar-haddad/' },
  });
  const zoe = await createPerson({ ...ws, input: { fullName: 'Zoë Müller', organizationId: brightpath.id } });
  const ana = await createPerson({ ...ws, input: { fullName: 'Ana Referrer', email: 'ana@example.org' } });
  const conv = await createConversation({ ...ws, input: { type: 'learn_role', participantIds: [ana.id] } });
  return { ws, brightpath, priya, omar, zoe, ana, conv };
}

describe('debrief referrals to people already in the contacts', () => {
  it('links the existing person by e-mail, profile URL or name at the organization instead of adding a second one', async () => {
    const { ws, priya, omar, zoe, ana, conv } = await setUp();
    const before = await peopleCount(ws);
    const { referred } = await saveDebrief({
      ...ws,
      conversationId: conv.id,
      input: {
        referrals: [
          {
            fullName: 'P. Shah',
            email: ' PRIYA.SHAH@Brightpath.example ',
            byPersonId: ana.id,
            note: 'Runs hiring',
          },
          {
            fullName: 'Omar H.',
            linkedinUrl: 'http://linkedin.com/in/Omar-Haddad?trk=share',
            byPersonId: ana.id,
          },
          { fullName: 'zoe muller', organizationName: 'brightpath', byPersonId: ana.id },
        ],
      },
    });
    expect(await peopleCount(ws)).toBe(before);
    expect(referred.map((r) => [r.personId, r.matchedBy])).toEqual([
      [priya.id, 'email'],
      [omar.id, 'linkedin'],
      [zoe.id, 'name'],
    ]);
    expect(referred.map((r) => r.fullName)).toEqual(['Priya Shah', 'Omar Haddad', 'Zoë Müller']);
    for (const person of [priya, omar, zoe]) {
      expect(await introduction(ws, ana.id, person.id)).toMatchObject({
        viaConversationId: conv.id,
        state: 'asked',
      });
    }
    expect((await introduction(ws, ana.id, priya.id))?.note).toBe('Runs hiring');
    // The next request is planned with the existing person, under their own organization.
    const next = await listConversations({ ...ws, personId: priya.id });
    expect(next.items.map((c) => c.status)).toEqual(['idea']);
    expect(next.items[0]?.organizationId).toBe(priya.organizationId);

    // Referred again later: the idea already planned is reused, not doubled.
    const again = await saveDebrief({
      ...ws,
      conversationId: conv.id,
      input: {
        referrals: [{ fullName: 'Priya Shah', email: 'priya.shah@brightpath.example', byPersonId: ana.id }],
      },
    });
    expect(again.referred[0]?.conversationId).toBe(next.items[0]?.id);
    expect((await listConversations({ ...ws, personId: priya.id })).items).toHaveLength(1);
    expect(await peopleCount(ws)).toBe(before);
  });

  it('links the person the user chose, and adds a new one only when asked to or when nothing certain matches', async () => {
    const { ws, brightpath, priya, zoe, ana, conv } = await setUp();
    const before = await peopleCount(ws);
    const { referred } = await saveDebrief({
      ...ws,
      conversationId: conv.id,
      input: {
        referrals: [
          { personId: zoe.id, byPersonId: ana.id, suggestRequest: false },
          // The user said this is someone else with the same e-mail (a shared inbox).
          {
            fullName: 'Priya Shah',
            email: 'priya.shah@brightpath.example',
            byPersonId: ana.id,
            createNew: true,
          },
          // The same name with no organization is offered in the form, never linked on its own.
          { fullName: 'Omar Haddad', byPersonId: ana.id, suggestRequest: false },
        ],
      },
    });
    expect(referred[0]).toMatchObject({ personId: zoe.id, matchedBy: 'chosen', conversationId: null });
    expect(referred[1]?.personId).not.toBe(priya.id);
    expect(referred[1]?.matchedBy).toBeNull();
    expect(referred[2]?.matchedBy).toBeNull();
    expect(await peopleCount(ws)).toBe(before + 2);
    expect(await introduction(ws, ana.id, zoe.id)).toMatchObject({ viaConversationId: conv.id });

    const offered = await findReferralMatches({ ...ws, fullName: 'Omar Haddad' });
    expect(offered.map((m) => [m.fullName, m.likely])).toEqual([
      ['Omar Haddad', true],
      ['Omar Haddad', true],
    ]);
    const atOrg = await findReferralMatches({
      ...ws,
      fullName: 'Z. Muller',
      organizationName: brightpath.name,
    });
    expect(atOrg).toMatchObject([
      { id: zoe.id, reason: 'name', likely: true, organizationName: 'Brightpath, Inc.' },
    ]);
    expect(atOrg[0]?.label).toMatch(/an initial, at the same organization$/);
  });

  it('refuses a referral to the referrer themselves, or to someone not in the workspace, and saves nothing', async () => {
    const { ws, ana, conv } = await setUp();
    const stranger = await createPerson({ ...t.ctx, input: { fullName: 'Other Workspace Person' } });
    const before = await peopleCount(ws);
    await expect(
      saveDebrief({
        ...ws,
        conversationId: conv.id,
        input: {
          referrals: [
            { fullName: 'New Person', byPersonId: ana.id },
            { fullName: 'Ana', email: 'ANA@example.org', byPersonId: ana.id },
          ],
        },
      }),
    ).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('referrals.1.personId') });
    await expect(
      saveDebrief({
        ...ws,
        conversationId: conv.id,
        input: { referrals: [{ personId: stranger.id, byPersonId: ana.id }] },
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(await peopleCount(ws)).toBe(before);
  });
});
