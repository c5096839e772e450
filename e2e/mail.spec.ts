import { expect, test } from '@playwright/test';
import { imapAs, MAIL_DOMAIN, MAIL_PASSWORD, mailHost, sendAs, waitForMessage } from '../test/mail.js';
import { createConversation, setServerClock, unique } from './api-helpers.js';
import { putServerClockBackAfterAll, startOnNextMonday } from './clock-helpers.js';
import { ComposePage } from './pages/compose-page.js';
import { ConversationPage } from './pages/conversation-pages.js';
import { MailPage } from './pages/mail-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { TodayPanel } from './pages/today-panel.js';

// Runs only in `npm run test:e2e:mail` (playwright.mail.config.ts), against the real Dovecot and
// Postfix of scripts/mail-server.sh; without TEST_MAIL_HOST it fails rather than skips.

putServerClockBackAfterAll();

/** The first message in bob's Inbox addressed to `to`, as his mail program would see it. */
async function readFromBob(to: string): Promise<{ messageId: string; subject: string; text: string }> {
  const client = await imapAs('bob');
  try {
    for (let i = 0; i < 100; i++) {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const uids = (await client.search({ to }, { uid: true })) || [];
        if (uids.length) {
          const msg = await client.fetchOne(String(uids[0]), { envelope: true, source: true }, { uid: true });
          if (msg !== false && msg.envelope?.messageId && msg.source) {
            const source = msg.source.toString('utf8');
            return {
              messageId: msg.envelope.messageId.replace(/^<|>$/g, ''),
              subject: msg.envelope.subject ?? '',
              text: source.slice(source.indexOf('\r\n\r\n') + 4),
            };
          }
        }
      } finally {
        lock.release();
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.logout();
  }
  throw new Error(`Nothing for ${to} reached bob's Inbox.`);
}

test('a request sent from Compose is answered in the mailbox, and the sync stops the follow-up', async ({
  page,
  request,
}) => {
  const id = unique();
  const host = mailHost();
  await startOnNextMonday(request);

  // Settings → Mail: a wrong password is refused with the step that failed; the right one connects.
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Mail', exact: true }).click();
  const mail = new MailPage(page);
  const account = { address: `alice@${MAIL_DOMAIN}`, host, imapPort: 143, smtpPort: 587 };
  await mail.connectCustom({ ...account, password: 'not-the-password' });
  const refused = mail.form.getByRole('alert');
  await expect(refused).toContainText('The test failed at: Signing in (IMAP). Nothing was saved.');
  await expect(refused).toContainText(`IMAP login failed at ${host}`);
  await mail.form.getByLabel('App password').fill(MAIL_PASSWORD);
  await mail.form.getByRole('button', { name: 'Test and save' }).click();
  await expect(mail.mailbox).toContainText(account.address);
  await expect(mail.mailbox).toContainText('Not yet');
  await expect(page.locator('body')).not.toContainText(MAIL_PASSWORD);

  // Someone whose address lands in bob's mailbox, and a conversation to ask them for.
  const bobAddress = `bob+${id}@${MAIL_DOMAIN}`;
  const personName = `Bob Mailer ${id}`;
  const person = await request.post('/api/people', { data: { fullName: personName, email: bobAddress } });
  expect(person.status()).toBe(201);
  const personId = ((await person.json()) as { id: string }).id;
  const title = `Bob's role ${id}`;
  const conversationId = await createConversation(request, { participantIds: [personId], title });
  const resume = await request.post('/api/documents', {
    multipart: {
      kind: 'resume',
      title: `Resume ${id}`,
      versionLabel: 'December',
      file: {
        name: `resume-${id}.pdf`,
        mimeType: 'application/pdf',
        buffer: Buffer.from(`%PDF-1.4\n% Resume of the user ${id}\n`),
      },
    },
  });
  expect(resume.status()).toBe(201);

  // Compose: Send beside Log as sent; the confirm names the recipient; it is logged at once.
  await page.goto(`/compose?personId=${personId}&conversationId=${conversationId}&purpose=request`);
  const compose = new ComposePage(page);
  await expect(compose.heading()).toHaveText(`Write to ${personName}`);
  const subject = `Twenty minutes about your role? ${id}`;
  await compose.subject.fill(subject);
  await compose.message.fill(
    'Hi Bob, I am moving into your field. Could we talk for twenty minutes next week?',
  );
  await expect(page.getByRole('button', { name: 'Log as sent' })).toBeVisible();
  // A resume from the documents library goes with it, for a critique.
  const attach = page.getByRole('group', { name: 'Attach from your documents' });
  await attach.getByRole('checkbox', { name: new RegExp(`^Resume ${id} \\(December\\)`) }).check();
  await expect(attach).toContainText('1 document attached');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: `Send to ${personName} <${bobAddress}>?` });
  await expect(confirm).toContainText(`from ${account.address}`);
  await expect(confirm).toContainText(`Attached: resume-${id}.pdf.`);
  await confirm.getByRole('button', { name: 'Send now' }).click();
  const sent = page.getByRole('status').filter({ hasText: `Sent to ${personName}` });
  await expect(sent).toContainText('The conversation is now Requested');

  // It reached bob's mailbox with the subject and text of the draft, and the resume.
  const received = await readFromBob(bobAddress);
  expect(received.subject).toBe(subject);
  expect(received.text).toContain('Could we talk for twenty minutes');
  expect(received.text).toMatch(new RegExp(`Content-Disposition: attachment; filename="?resume-${id}\\.pdf`));

  // Nine days (seven business days) on without an answer: Today asks for the one follow-up.
  const later = await setServerClock(request, { advanceDays: 9 });
  const today = new TodayPanel(page);
  await today.goto();
  await expect(today.item(`Follow up: ${title}`)).toBeVisible();

  // Bob answers from his own mail program, on the thread.
  const replyId = await sendAs('bob', {
    from: bobAddress,
    to: account.address,
    subject: `Re: ${subject}`,
    text: `Yes, gladly. Thursday at ten? ${id}`,
    date: new Date(later.getTime() - 3_600_000),
    inReplyTo: `<${received.messageId}>`,
    references: [`<${received.messageId}>`],
  });
  await waitForMessage('alice', 'INBOX', replyId);

  // Sync now: the reply is logged, with progress and a count.
  await mail.goto();
  await mail.syncNow();
  await expect(mail.syncNotice()).toContainText('1 new message logged');
  await expect(mail.mailbox).toContainText('1 received, 1 sent');

  // The follow-up leaves Today, and the reply sits in the conversation's log.
  await today.goto();
  await expect(today.region).toBeVisible();
  await expect(today.item(`Follow up: ${title}`)).toHaveCount(0);
  const conv = new ConversationPage(page);
  await conv.goto(conversationId);
  await expect(conv.messages).toContainText(`Yes, gladly. Thursday at ten? ${id}`);
  await expect(conv.messages).toContainText(subject);
  await expect(conv.messages.getByRole('link', { name: `resume-${id}.pdf` })).toBeVisible();

  // Only the user knows what the reply said: Today asks, and the conversation takes the answer.
  await today.goto();
  const question = today.item(`Did ${personName} agree to talk? (${title})`);
  await expect(question).toContainText('(read from your mailbox)');
  await question.getByRole('link', { name: 'Answer yes or no' }).click();
  await expect(conv.replyQuestion).toHaveAccessibleName(`Did ${personName} agree to talk?`);
  await expect(conv.replyQuestion).toContainText(`${personName} replied on`);
  await conv.replyQuestion.getByRole('link', { name: `Read the reply: Re: ${subject}` }).click();
  await expect(page.locator(':focus')).toContainText(`Yes, gladly. Thursday at ten? ${id}`);
  await conv.replyQuestion.getByRole('button', { name: 'Yes, they agreed' }).click();
  await expect(conv.status).toContainText('Accepted');
  await expect(conv.replyQuestion).toHaveCount(0);
  await today.goto();
  await expect(today.region).toBeVisible();
  await expect(today.item(`Did ${personName} agree to talk?`)).toHaveCount(0);
});

test('with a mailbox connected, the daily e-mail of Today can be switched on for a chosen hour', async ({
  page,
}) => {
  // The first journey connected alice's mailbox.
  const settings = new SettingsPage(page);
  await settings.goto();
  const sw = settings.digest.getByRole('checkbox', { name: 'E-mail me Today’s list each morning' });
  await expect(sw).not.toBeChecked();
  await expect(settings.digest).toContainText(`Sent to alice@${MAIL_DOMAIN} on days when something is due`);
  const hour = settings.digest.getByLabel('Send it at');
  await expect(hour).toBeDisabled();
  await sw.click();
  await expect(sw).toBeChecked();
  await expect(hour).toBeEnabled();
  await hour.selectOption('06:00');
  await expect(hour).toBeEnabled();
  await page.reload();
  await expect(sw).toBeChecked();
  await expect(hour).toHaveValue('6');
  await sw.click();
  await expect(sw).not.toBeChecked();
  await expect(hour).toBeDisabled();
});
