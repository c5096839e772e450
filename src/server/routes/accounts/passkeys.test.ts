import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostedTestApi, PUBLIC_URL } from '../../../../test/hosted.js';
import { softwareAuthenticator } from '../../../../test/webauthn.js';

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
beforeAll(async () => {
  h = await openHostedTestApi();
});
afterAll(() => h.t.close());

interface RegistrationOptions {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string };
  excludeCredentials: { id: string }[];
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

describe('passkeys', () => {
  it('gives registration options only to a signed-in account, for the public host', async () => {
    const stranger = h.visitor();
    expect((await stranger.send('POST', '/api/auth/passkey/register-options', {})).status).toBe(401);
    const v = h.visitor();
    await v.signUp('options@example.org');
    const res = await v.send('POST', '/api/auth/passkey/register-options', {});
    expect(res.status).toBe(200);
    const options = await json<RegistrationOptions>(res);
    expect(options.rp).toEqual({ id: new URL(PUBLIC_URL).hostname, name: 'Rapport' });
    expect(options.user.name).toBe('options@example.org');
    expect(options.challenge.length).toBeGreaterThan(20);
    expect(options.excludeCredentials).toEqual([]);
  });

  it('adds a named passkey, signs in with it without a password, lists it and removes it', async () => {
    const owner = h.visitor();
    await owner.signUp('passkey@example.org');
    const device = softwareAuthenticator(PUBLIC_URL);
    const options = await json<RegistrationOptions>(
      await owner.send('POST', '/api/auth/passkey/register-options', {}),
    );
    const added = await owner.send('POST', '/api/auth/passkey/register', {
      name: 'Work laptop',
      response: device.register(options),
    });
    expect(added.status).toBe(200);
    const list = await json<{ items: { id: string; name: string; lastUsedAt: string | null }[] }>(
      await owner.send('GET', '/api/auth/passkey/list'),
    );
    expect(list.items).toMatchObject([{ name: 'Work laptop', lastUsedAt: null }]);
    // Registering the same device twice is refused up front.
    const again = await json<RegistrationOptions>(
      await owner.send('POST', '/api/auth/passkey/register-options', {}),
    );
    expect(again.excludeCredentials.map((c) => c.id)).toEqual([device.credentialId]);

    // Another browser, signed out: the passkey alone signs in to this account's workspace.
    await owner.send('POST', '/api/people', { fullName: 'Passkey Person' });
    const browser = h.visitor();
    const challenge = await json<{ challenge: string; rpId: string }>(
      await browser.send('POST', '/api/auth/passkey/sign-in-options', {}),
    );
    expect(challenge.rpId).toBe(new URL(PUBLIC_URL).hostname);
    const signedIn = await browser.send('POST', '/api/auth/passkey/sign-in', {
      response: device.authenticate(challenge),
    });
    expect(signedIn.status).toBe(200);
    const people = await json<{ items: { fullName: string }[] }>(await browser.send('GET', '/api/people'));
    expect(people.items.map((p) => p.fullName)).toEqual(['Passkey Person']);
    const used = await json<{ items: { lastUsedAt: string | null }[] }>(
      await owner.send('GET', '/api/auth/passkey/list'),
    );
    expect(used.items[0]!.lastUsedAt).toBe(h.t.clock.now().toISOString());

    // A challenge answers once: replaying the same answer is refused.
    const replay = await browser.send('POST', '/api/auth/passkey/sign-in', {
      response: device.authenticate(challenge),
    });
    expect(replay.status).toBe(400);

    // Someone else's account cannot remove it; its owner can, and then it no longer signs in.
    const other = h.visitor();
    await other.signUp('not-owner@example.org');
    expect((await other.send('POST', '/api/auth/passkey/delete', { id: list.items[0]!.id })).status).toBe(
      404,
    );
    expect((await owner.send('POST', '/api/auth/passkey/delete', { id: list.items[0]!.id })).status).toBe(
      200,
    );
    const later = h.visitor();
    const next = await json<{ challenge: string }>(
      await later.send('POST', '/api/auth/passkey/sign-in-options', {}),
    );
    const refused = await later.send('POST', '/api/auth/passkey/sign-in', {
      response: device.authenticate(next),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /not one of this server's accounts/,
    );
    expect((await later.send('GET', '/api/people')).status).toBe(401);
  });

  it("refuses an answer to another site's challenge", async () => {
    const owner = h.visitor();
    await owner.signUp('phish@example.org');
    const phished = softwareAuthenticator('https://rapport.evil.test');
    const options = await json<RegistrationOptions>(
      await owner.send('POST', '/api/auth/passkey/register-options', {}),
    );
    const res = await owner.send('POST', '/api/auth/passkey/register', {
      name: 'Fake',
      response: phished.register(options),
    });
    expect(res.status).toBe(400);
    const list = await json<{ items: unknown[] }>(await owner.send('GET', '/api/auth/passkey/list'));
    expect(list.items).toEqual([]);
  });
});
