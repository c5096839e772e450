import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openHostedTestApi, PASSWORD } from '../../../../test/hosted.js';
import { linkIn, recordingMail } from '../../../../test/server-mail.js';

const NEW_PASSWORD = 'a brand new passphrase';

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
let outbox: ReturnType<typeof recordingMail>;
beforeAll(async () => {
  outbox = recordingMail();
  h = await openHostedTestApi({ mail: outbox.mail });
});
afterAll(() => h.t.close());
afterEach(() => {
  vi.useRealTimers();
});

async function errorOf(res: Response) {
  return ((await res.json()) as { code?: string; message?: string }) ?? {};
}

describe('password reset', () => {
  it('mails a link to the reset page, says the same whether or not the address has an account, and the link works once', async () => {
    const laptop = h.visitor();
    await laptop.signUp('reset@example.org');
    const phone = h.visitor();
    expect((await phone.signIn('reset@example.org')).status).toBe(200);

    const stranger = h.visitor();
    const known = await stranger.send('POST', '/api/auth/request-password-reset', {
      email: 'reset@example.org',
    });
    const unknown = await stranger.send('POST', '/api/auth/request-password-reset', {
      email: 'nobody-here@example.org',
    });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());

    const mail = await outbox.latest('reset@example.org', /new Rapport password/);
    expect(outbox.sent.filter((m) => m.to === 'nobody-here@example.org')).toEqual([]);
    expect(mail.text).toContain('within the next hour');
    const link = linkIn(mail.text);
    expect(link.origin).toBe('https://rapport.example.test');
    expect(link.pathname).toBe('/reset-password');
    const token = link.searchParams.get('token')!;

    const tooShort = await stranger.send('POST', '/api/auth/reset-password', { token, newPassword: 'short' });
    expect(tooShort.status).toBe(400);
    const reset = await stranger.send('POST', '/api/auth/reset-password', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(reset.status).toBe(200);

    // Every session of the account ended; the old password no longer signs in, the new one does.
    expect((await laptop.send('GET', '/api/people')).status).toBe(401);
    expect((await phone.send('GET', '/api/people')).status).toBe(401);
    expect((await h.visitor().signIn('reset@example.org')).status).toBe(401);
    expect((await h.visitor().signIn('reset@example.org', NEW_PASSWORD)).status).toBe(200);

    const again = await stranger.send('POST', '/api/auth/reset-password', {
      token,
      newPassword: 'yet another passphrase',
    });
    expect(again.status).toBe(400);
    expect((await errorOf(again)).code).toBe('INVALID_TOKEN');
  });

  it('refuses a link older than an hour (on the real clock: better-auth reads Date itself)', async () => {
    await h.visitor().signUp('late@example.org');
    const v = h.visitor();
    await v.send('POST', '/api/auth/request-password-reset', { email: 'late@example.org' });
    const token = linkIn(
      (await outbox.latest('late@example.org', /new Rapport password/)).text,
    ).searchParams.get('token')!;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61 * 60_000 });
    const res = await v.send('POST', '/api/auth/reset-password', { token, newPassword: NEW_PASSWORD });
    vi.useRealTimers();
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('INVALID_TOKEN');
    expect((await h.visitor().signIn('late@example.org')).status).toBe(200);
  });

  it('sends at most 5 reset e-mails an hour to one address, known or not', async () => {
    const v = h.visitor();
    for (let i = 0; i < 5; i++) {
      const res = await v.send('POST', '/api/auth/request-password-reset', { email: 'flood@example.org' });
      expect(res.status).toBe(200);
    }
    const sixth = await h
      .visitor()
      .send('POST', '/api/auth/request-password-reset', { email: 'Flood@example.org' });
    expect(sixth.status).toBe(429);
    expect((await errorOf(sixth)).message).toMatch(/Wait \d+ minutes/);
  });
});

describe('e-mail verification', () => {
  it('mails a confirmation link on sign-up; the account may sign in before, and shows as confirmed after', async () => {
    const v = h.visitor();
    await v.signUp('verify@example.org');
    const before = (await (await v.send('GET', '/api/session')).json()) as {
      account: { emailVerified: boolean; serverSendsMail: boolean };
    };
    expect(before.account).toMatchObject({ emailVerified: false, serverSendsMail: true });
    expect((await v.send('GET', '/api/people')).status).toBe(200);

    const mail = await outbox.latest('verify@example.org', /Confirm your e-mail/);
    const link = linkIn(mail.text);
    expect(link.origin).toBe('https://rapport.example.test');
    const opened = await v.send('GET', `${link.pathname}${link.search}`);
    expect(opened.status).toBe(302);
    const after = (await (await v.send('GET', '/api/session')).json()) as {
      account: { emailVerified: boolean };
    };
    expect(after.account.emailVerified).toBe(true);

    // Sending again once confirmed is refused, with a reason.
    const resend = await v.send('POST', '/api/auth/send-verification-email', { email: 'verify@example.org' });
    expect(resend.status).toBe(400);
    expect((await errorOf(resend)).code).toBe('EMAIL_ALREADY_VERIFIED');
  });

  it('sends the confirmation again on request', async () => {
    const v = h.visitor();
    await v.signUp('again@example.org');
    await outbox.latest('again@example.org', /Confirm your e-mail/);
    const count = () => outbox.sent.filter((m) => m.to === 'again@example.org').length;
    const first = count();
    const res = await v.send('POST', '/api/auth/send-verification-email', { email: 'again@example.org' });
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(count()).toBe(first + 1));
  });

  it('marks the address confirmed when a reset link sent to it is used', async () => {
    const v = h.visitor();
    await v.signUp('via-reset@example.org');
    await v.send('POST', '/api/auth/request-password-reset', { email: 'via-reset@example.org' });
    const token = linkIn(
      (await outbox.latest('via-reset@example.org', /new Rapport password/)).text,
    ).searchParams.get('token')!;
    await v.send('POST', '/api/auth/reset-password', { token, newPassword: NEW_PASSWORD });
    await v.signIn('via-reset@example.org', NEW_PASSWORD);
    const session = (await (await v.send('GET', '/api/session')).json()) as {
      account: { emailVerified: boolean };
    };
    expect(session.account.emailVerified).toBe(true);
  });
});

describe('a hosted server without mail settings', () => {
  it('says plainly that it cannot send e-mail, for any address, and still takes sign-ups', async () => {
    const bare = await openHostedTestApi();
    try {
      const v = bare.visitor();
      expect((await v.signUp('no-mail@example.org', PASSWORD)).status).toBe(200);
      for (const email of ['no-mail@example.org', 'unknown@example.org']) {
        const res = await bare.visitor().send('POST', '/api/auth/request-password-reset', { email });
        expect(res.status).toBe(503);
        const body = await errorOf(res);
        expect(body.code).toBe('MAIL_NOT_CONFIGURED');
        expect(body.message).toMatch(/cannot send e-mail.*administrator/);
      }
      const resend = await v.send('POST', '/api/auth/send-verification-email', {
        email: 'no-mail@example.org',
      });
      expect(resend.status).toBe(503);
    } finally {
      await bare.t.close();
    }
  });
});
