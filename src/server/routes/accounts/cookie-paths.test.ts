/**
 * The session cookie and the paths that do not take it (issue 17, point 7). A cookie's Path cannot
 * leave out a sub-path, so a browser sends the session cookie to a calendar feed link and along
 * with an access token too. Those requests never read it and never set one: a feed link answers
 * for its own workspace whoever opens it, a token speaks for the token's workspace, and neither
 * refreshes, clears or starts a session. `/mcp` takes tokens only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostedTestApi, type Visitor } from '../../../../test/hosted.js';

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
let a: Visitor;
let b: Visitor;
let aFeed: string;
let bToken: string;

beforeAll(async () => {
  h = await openHostedTestApi();
  a = h.visitor();
  b = h.visitor();
  await a.signUp('cookie-a@example.org');
  await b.signUp('cookie-b@example.org');
  await a.send('POST', '/api/people', { fullName: 'Zephyrine Quillfeather' });
  await b.send('POST', '/api/people', { fullName: 'Bartholomew Brown' });
  aFeed = ((await (await a.send('POST', '/api/calendar/feeds', {})).json()) as { path: string }).path;
  bToken = (
    (await (await b.send('POST', '/api/tokens', { name: 'B script', scope: 'read' })).json()) as {
      token: string;
    }
  ).token;
}, 120_000);
afterAll(() => h.t.close());

describe('the session cookie on feed and token requests', () => {
  it('answers a feed link from its own workspace whatever session cookie comes with it, and sets none', async () => {
    const res = await b.send('GET', aFeed);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    // B's session opens no feed of B's: without a real link there is nothing.
    const none = await b.send('GET', '/api/calendar/feed/not-a-real-feed-token-at-all.ics');
    expect(none.status).toBe(404);
    expect(none.headers.get('set-cookie')).toBeNull();
  });

  it("speaks for the token's workspace when a token comes with another account's cookie", async () => {
    const res = await a.send('GET', '/api/people', undefined, { authorization: `Bearer ${bToken}` });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('Bartholomew Brown');
    expect(text).not.toContain('Zephyrine');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses /mcp to a session cookie without a token', async () => {
    const res = await a.send(
      'POST',
      '/mcp',
      { jsonrpc: '2.0', id: 1, method: 'tools/list' },
      {
        accept: 'application/json, text/event-stream',
      },
    );
    expect(res.status).toBe(401);
  });

  it('takes an ended session as no session on the API, and ignores it on those paths', async () => {
    const stale = h.visitor();
    await stale.signUp('cookie-stale@example.org');
    const cookies = new Map(stale.cookies);
    await stale.send('POST', '/api/auth/sign-out', {});
    for (const [k, v] of cookies) stale.cookies.set(k, v);
    expect((await stale.send('GET', '/api/people')).status).toBe(401);
    const feed = await stale.send('GET', aFeed);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('set-cookie')).toBeNull();
    const token = await stale.send('GET', '/api/people', undefined, { authorization: `Bearer ${bToken}` });
    expect(token.status).toBe(200);
    expect(token.headers.get('set-cookie')).toBeNull();
  });
});
