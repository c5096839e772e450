import { afterEach, describe, expect, it } from 'vitest';
import { openHostedTestApi } from '../../../../test/hosted.js';

let h: Awaited<ReturnType<typeof openHostedTestApi>> | undefined;
afterEach(async () => {
  await h?.t.close();
  h = undefined;
});

describe('sign-up modes', { timeout: 120_000 }, () => {
  it('off: nobody can make an account', async () => {
    h = await openHostedTestApi({ signUp: 'off' });
    const v = h.visitor();
    expect((await (await v.send('GET', '/api/session')).json()) as object).toMatchObject({ signUp: 'off' });
    const res = await v.signUp('new@example.org');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await v.send('GET', '/api/people')).status).toBe(401);
  });

  it('invite-only: an invitation code from a signed-in account lets one person sign up, once', async () => {
    h = await openHostedTestApi({ signUp: 'invite-only' });
    const stranger = h.visitor();
    const refused = await stranger.signUp('stranger@example.org');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/invitation code/);

    // The first account of an invite-only server is made from an invitation of the operator.
    const { createInvite } = await import('../../../services/accounts/invites.js');
    const first = await createInvite({ db: h.t.handle.db, now: h.t.clock.now, createdBy: null });
    const owner = h.visitor();
    expect((await owner.signUp('owner@example.org', undefined, { inviteCode: first.code })).status).toBe(200);

    const made = await owner.send('POST', '/api/accounts/invites', {});
    expect(made.status).toBe(201);
    const { code } = (await made.json()) as { code: string };
    const friend = h.visitor();
    expect((await friend.signUp('friend@example.org', undefined, { inviteCode: code })).status).toBe(200);
    expect((await friend.send('GET', '/api/people')).status).toBe(200);
    const again = await h.visitor().signUp('third@example.org', undefined, { inviteCode: code });
    expect(again.status).toBe(403);
  });
});
