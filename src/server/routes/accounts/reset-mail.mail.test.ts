import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHostedTestApi, PUBLIC_URL } from '../../../../test/hosted.js';
import { imapAs, MAIL_DOMAIN, MAIL_PASSWORD, mailHost, uniqueAddress } from '../../../../test/mail.js';
import { linkIn } from '../../../../test/server-mail.js';
import { createServerMail } from '../../../services/accounts/server-mail.js';

let h: Awaited<ReturnType<typeof openHostedTestApi>>;
beforeAll(async () => {
  // The server's own mail goes out as alice, through the real Postfix (--smtp-url).
  const mail = createServerMail({
    smtpUrl: `smtp://alice%40${MAIL_DOMAIN}:${MAIL_PASSWORD}@${mailHost()}:587`,
    mailFrom: `Rapport <alice@${MAIL_DOMAIN}>`,
    publicUrl: PUBLIC_URL,
  });
  h = await openHostedTestApi({ mail });
});
afterAll(() => h.t.close());

/** Waits for the message to this (plus-)address in bob's Inbox whose subject matches, and reads it. */
async function receive(to: string, subject: RegExp) {
  const client = await imapAs('bob');
  try {
    for (let i = 0; i < 150; i++) {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const uids = (await client.search({ to }, { uid: true })) || [];
        for (const uid of uids.reverse()) {
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (message === false || !message.source) continue;
          const parsed = await simpleParser(message.source);
          if (subject.test(parsed.subject ?? '')) return parsed;
        }
      } finally {
        lock.release();
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await client.logout();
  }
  throw new Error(`No mail "${subject}" reached ${to}.`);
}

describe('password reset through a real mail server', () => {
  it('mails the reset link, whose page sets a new password once', async () => {
    const email = uniqueAddress('bob');
    const v = h.visitor();
    expect((await v.signUp(email)).status).toBe(200);

    const confirm = await receive(email, /Confirm your e-mail address/);
    expect(confirm.from?.text).toContain(`alice@${MAIL_DOMAIN}`);

    const asked = await h.visitor().send('POST', '/api/auth/request-password-reset', { email });
    expect(asked.status).toBe(200);
    const mail = await receive(email, /Choose a new Rapport password/);
    expect(mail.text).toContain('within the next hour');
    const link = linkIn(mail.text ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/reset-password`);

    const browser = h.visitor();
    // The link opens the web app's reset page (served for any path), which posts the token.
    const token = link.searchParams.get('token')!;
    const reset = await browser.send('POST', '/api/auth/reset-password', {
      token,
      newPassword: 'a new mailed passphrase',
    });
    expect(reset.status).toBe(200);
    expect((await h.visitor().signIn(email, 'a new mailed passphrase')).status).toBe(200);
    expect((await v.send('GET', '/api/people')).status).toBe(401);
    const reused = await browser.send('POST', '/api/auth/reset-password', {
      token,
      newPassword: 'and yet another one',
    });
    expect(reused.status).toBe(400);
  });
});
