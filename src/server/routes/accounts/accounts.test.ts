import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostedTestApi, PASSWORD } from '../../../../test/hosted.js';

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
beforeAll(async () => {
  h = await openHostedTestApi();
});
afterAll(() => h.t.close());

describe('hosted accounts', () => {
  it('asks for sign-in before any workspace data, and says so in JSON', async () => {
    const v = h.visitor();
    const res = await v.send('GET', '/api/people');
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unauthorized');
    const session = await (await v.send('GET', '/api/session')).json();
    expect(session).toEqual({ mode: 'hosted', signUp: 'open', account: null });
  });

  it('signs up into a workspace of its own, with an httpOnly, Secure, SameSite=Lax session cookie', async () => {
    const v = h.visitor();
    const res = await v.signUp('ada@example.org');
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token'))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = await (await v.send('GET', '/api/session')).json();
    // Without mail settings the server says it cannot mail the account (the web app's banner tells the user).
    expect(session).toMatchObject({
      mode: 'hosted',
      account: { email: 'ada@example.org', emailVerified: false, serverSendsMail: false },
    });
    const created = await v.send('POST', '/api/people', { fullName: 'Grace Hopper' });
    expect(created.status).toBe(201);
    const list = (await (await v.send('GET', '/api/people')).json()) as { items: { fullName: string }[] };
    expect(list.items.map((p) => p.fullName)).toEqual(['Grace Hopper']);
  });

  it("keeps one account out of another account's workspace", async () => {
    const a = h.visitor();
    await a.signUp('owner-a@example.org');
    const person = (await (await a.send('POST', '/api/people', { fullName: 'Only For A' })).json()) as {
      id: string;
    };
    const b = h.visitor();
    await b.signUp('owner-b@example.org');
    const list = (await (await b.send('GET', '/api/people')).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    expect((await b.send('GET', `/api/people/${person.id}`)).status).toBe(404);
  });

  it('signs in again with the right password only, and signs out', async () => {
    const first = h.visitor();
    await first.signUp('lin@example.org');
    const v = h.visitor();
    const wrong = await v.signIn('lin@example.org', 'not the password');
    expect(wrong.status).toBe(401);
    expect((await v.send('GET', '/api/people')).status).toBe(401);
    expect((await v.signIn('lin@example.org')).status).toBe(200);
    expect((await v.send('GET', '/api/people')).status).toBe(200);
    expect((await v.send('POST', '/api/auth/sign-out', {})).status).toBe(200);
    expect((await v.send('GET', '/api/people')).status).toBe(401);
    // The other browser is still signed in.
    expect((await first.send('GET', '/api/people')).status).toBe(200);
  });

  it('signs out everywhere: every session of the account ends', async () => {
    const phone = h.visitor();
    await phone.signUp('kim@example.org');
    const laptop = h.visitor();
    await laptop.signIn('kim@example.org');
    expect((await phone.send('GET', '/api/people')).status).toBe(200);
    expect((await laptop.send('POST', '/api/auth/revoke-sessions', {})).status).toBe(200);
    expect((await laptop.send('GET', '/api/people')).status).toBe(401);
    expect((await phone.send('GET', '/api/people')).status).toBe(401);
  });

  it('takes personal access tokens, each scoped to the workspace it was made in', async () => {
    const a = h.visitor();
    await a.signUp('token-a@example.org');
    await a.send('POST', '/api/people', { fullName: 'Token Person A' });
    const made = await a.send('POST', '/api/tokens', { name: 'script', scope: 'read' });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    const b = h.visitor();
    await b.signUp('token-b@example.org');
    // A script with no cookies and no Origin, as curl sends it.
    const script = h.visitor();
    const auth = { authorization: `Bearer ${token}` };
    const list = (await (await script.send('GET', '/api/people', undefined, auth)).json()) as {
      items: { fullName: string }[];
    };
    expect(list.items.map((p) => p.fullName)).toEqual(['Token Person A']);
    const bList = (await (await b.send('GET', '/api/people')).json()) as { items: unknown[] };
    expect(bList.items).toEqual([]);
    expect(
      (await script.send('GET', '/api/people', undefined, { authorization: 'Bearer nope' })).status,
    ).toBe(401);
  });

  it('serves a calendar feed to a calendar program that holds no session, from its own workspace only', async () => {
    const a = h.visitor();
    await a.signUp('feed@example.org');
    const feed = (await (await a.send('POST', '/api/calendar/feeds', {})).json()) as { path: string };
    const calendar = h.visitor();
    const res = await calendar.send('GET', feed.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    expect((await calendar.send('GET', '/api/calendar/feed/not-a-real-feed-token-at-all.ics')).status).toBe(
      404,
    );
  });

  it('refuses changes from another origin and requests for another host', async () => {
    const v = h.visitor();
    await v.signUp('origin@example.org');
    const foreign = await v.send(
      'POST',
      '/api/people',
      { fullName: 'X' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const otherHost = await v.send('GET', '/api/people', undefined, { host: 'evil.example' });
    expect(otherHost.status).toBe(403);
  });

  it('sends a request that reached the proxy over plain http to the https address', async () => {
    const v = h.visitor();
    const res = await v.send('GET', '/people?x=1', undefined, { 'x-forwarded-proto': 'http' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('https://rapport.example.test/people?x=1');
    const change = await v.send('POST', '/api/people', { fullName: 'X' }, { 'x-forwarded-proto': 'http' });
    expect(change.status).toBe(403);
  });

  it('throttles sign-in per account, whatever address the attempts come from', async () => {
    const owner = h.visitor();
    await owner.signUp('throttle@example.org');
    for (let i = 0; i < 10; i++) {
      const res = await h.visitor().signIn('throttle@example.org', 'wrong password here');
      expect(res.status).toBe(401);
    }
    const blocked = await h.visitor().signIn('throttle@example.org');
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { message: string }).message).toMatch(/Too many sign-in attempts/);
    h.t.clock.advance(16 * 60_000);
    expect((await h.visitor().signIn('throttle@example.org')).status).toBe(200);
  }, 120_000);

  it('throttles sign-in per address, whatever account is tried', async () => {
    const v = h.visitor('203.0.113.9');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await v.signIn(`nobody${i}@example.org`, PASSWORD)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  }, 120_000);

  it('deletes the account with its password, and its workspace with every row in it', async () => {
    const v = h.visitor();
    await v.signUp('leaving@example.org');
    await v.send('POST', '/api/people', { fullName: 'Leaves With Me' });
    const wrong = await v.send('POST', '/api/auth/delete-user', { password: 'not my password' });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    const gone = await v.send('POST', '/api/auth/delete-user', { password: PASSWORD });
    expect(gone.status).toBe(200);
    expect((await v.send('GET', '/api/people')).status).toBe(401);
    const { sql } = await import('drizzle-orm');
    const rows = await h.t.handle.db.execute(
      sql`select count(*)::int as n from people where full_name = 'Leaves With Me'`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    expect((await h.visitor().signIn('leaving@example.org')).status).toBe(401);
  });
});

describe('hosted security headers', () => {
  it('sends HSTS, a CSP without inline scripts, no framing, nosniff and no referrer', async () => {
    const res = await h.visitor().send('GET', '/api/session');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
