import { expect, test } from '@playwright/test';
import { unique } from './api-helpers.js';
import { ConversationPage } from './pages/conversation-pages.js';

test('an .mbox export is previewed, imported at once, and its mail shows on the conversation', async ({
  page,
  request,
}) => {
  const id = unique();
  const address = `noor.${id}@example.com`;
  const person = await request.post('/api/people', { data: { fullName: `Noor ${id}`, email: address } });
  expect(person.status()).toBe(201);
  const personId = ((await person.json()) as { id: string }).id;
  const conversation = await request.post('/api/conversations', {
    data: { type: 'learn_role', participantIds: [personId], title: `Noor's role ${id}` },
  });
  const conversationId = ((await conversation.json()) as { id: string }).id;
  const mbox = [
    'From 1@xxx Mon Nov 02 09:00:00 +0000 2026',
    'From: Me <me@example.org>',
    `To: Noor <${address}>`,
    `Subject: A question about your role ${id}`,
    'Date: Mon, 2 Nov 2026 09:00:00 +0000',
    `Message-ID: <q-${id}@example.org>`,
    '',
    'Could we talk for twenty minutes?',
    '',
    'From 2@xxx Mon Nov 02 10:00:00 +0000 2026',
    'From: Shop <news@shop.example>',
    'To: Me <me@example.org>',
    'Subject: Sale',
    'Date: Mon, 2 Nov 2026 10:00:00 +0000',
    '',
    'Not for Rapport.',
    '',
  ].join('\n');

  await page.goto('/settings/mail');
  const section = page.getByRole('region', { name: 'Import mail from a file' });
  await section.getByLabel('Mail file').setInputFiles({
    name: 'takeout.mbox',
    mimeType: 'application/mbox',
    buffer: Buffer.from(mbox),
  });
  await section.getByRole('button', { name: 'Preview' }).click();
  await expect(section.getByRole('status')).toContainText(
    '2 messages in the file, 1 with your people: 1 to log',
  );
  await expect(section.getByRole('table')).toContainText(`A question about your role ${id}`);
  await expect(section).not.toContainText('Sale');
  await section.getByRole('button', { name: 'Import 1 message' }).click();
  await expect(section.getByRole('status')).toContainText('Imported: 1 message logged.');

  const conv = new ConversationPage(page);
  await conv.goto(conversationId);
  await expect(conv.messages).toContainText(`A question about your role ${id}`);
});
