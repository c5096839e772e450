import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostedTestApi, PUBLIC_URL } from '../../../test/hosted.js';
import { operatorResetLink } from './reset-link.js';

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
beforeAll(async () => {
  // A server started without mail settings.
  h = await openHostedTestApi();
});
afterAll(() => h.t.close());

describe('a reset link made by the operator', () => {
  it('is the link the e-mail would carry: it sets a new password once', async () => {
    const v = h.visitor();
    await v.signUp('lost@example.org');
    const link = await operatorResetLink({
      db: h.t.handle.db,
      now: h.t.clock.now,
      publicUrl: PUBLIC_URL,
      email: ' lost@example.org ',
    });
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/reset-password\\?token=`));
    const token = new URL(link!).searchParams.get('token')!;
    const reset = await h.visitor().send('POST', '/api/auth/reset-password', {
      token,
      newPassword: 'found it again at last',
    });
    expect(reset.status).toBe(200);
    expect((await v.send('GET', '/api/people')).status).toBe(401);
    expect((await h.visitor().signIn('lost@example.org', 'found it again at last')).status).toBe(200);
    const again = await h
      .visitor()
      .send('POST', '/api/auth/reset-password', { token, newPassword: 'one more time!!' });
    expect(again.status).toBe(400);
  });

  it('says when no account uses the address', async () => {
    expect(
      await operatorResetLink({
        db: h.t.handle.db,
        now: h.t.clock.now,
        publicUrl: PUBLIC_URL,
        email: 'ghost@example.org',
      }),
    ).toBeNull();
  });
});
