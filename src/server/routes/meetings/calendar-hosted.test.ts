import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostedTestApi } from '../../../../test/hosted.js';

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
beforeAll(async () => {
  h = await openHostedTestApi();
});
afterAll(() => h.t.close());

// Google and Outlook Calendar subscribe to the public address and fetch it with no session: the
// secret in the link is the credential, so revoking it must end access at once.
describe('calendar feeds on a hosted server', () => {
  it('serves the feed at the public URL without a session, with the meeting, until its owner revokes it', async () => {
    const owner = h.visitor();
    await owner.signUp('feeds-owner@example.org');
    const person = (await (await owner.send('POST', '/api/people', { fullName: 'Feed Person' })).json()) as {
      id: string;
    };
    const conv = (await (
      await owner.send('POST', '/api/conversations', {
        type: 'learn_role',
        participantIds: [person.id],
        title: 'Coffee with Feed Person',
      })
    ).json()) as { id: string };
    const scheduled = await owner.send('PUT', `/api/conversations/${conv.id}/meeting`, {
      startsAt: '2026-11-26T15:00:00Z',
      timeZone: 'Europe/Paris',
      durationMinutes: 30,
      medium: 'video',
    });
    expect(scheduled.status, await scheduled.clone().text()).toBeLessThan(300);
    const feed = (await (await owner.send('POST', '/api/calendar/feeds', {})).json()) as {
      id: string;
      path: string;
    };

    // A calendar program: no cookie, from another address.
    const calendar = h.visitor();
    const res = await calendar.send('GET', feed.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(await res.text()).toContain('Feed Person');

    // Someone else signed in cannot revoke it.
    const stranger = h.visitor();
    await stranger.signUp('feeds-stranger@example.org');
    expect((await stranger.send('DELETE', `/api/calendar/feeds/${feed.id}`)).status).toBe(404);
    expect((await calendar.send('GET', feed.path)).status).toBe(200);

    expect((await owner.send('DELETE', `/api/calendar/feeds/${feed.id}`)).status).toBe(204);
    expect((await calendar.send('GET', feed.path)).status).toBe(404);
  });
});
