import { expect, test } from '@playwright/test';
import { createConversation, createPerson, unique } from './api-helpers.js';
import { ConversationPage } from './pages/conversation-pages.js';
import { Search } from './pages/search.js';
import { MessagesListPage } from './pages/tasks-pages.js';

/** A reply long enough to take more than two lines anywhere. */
function longReply(word: string): string {
  return [
    'Thanks for writing, happy to help.',
    'Our team plans each course with two teachers and one designer, and we test the first draft with learners before anything else.',
    `The part most people miss is the ${word} review, which we run every Friday with the whole group.`,
    'Ask me about it when we talk, and bring one lesson you designed yourself.',
  ].join('\n');
}

test('a logged message can be read in full where it is listed, and a search hit opens it', async ({
  page,
  request,
}) => {
  const id = unique();
  const word = `zephyr${id}`;
  const personName = `Aiko Brandt ${id}`;
  const personId = await createPerson(request, { fullName: personName });
  const conversationId = await createConversation(request, {
    participantIds: [personId],
    title: `Course design with Aiko ${id}`,
  });
  const logged = await request.post('/api/messages', {
    data: {
      personId,
      conversationId,
      channel: 'email',
      direction: 'in',
      purpose: 'reply',
      subject: 'Re: a question about course design',
      body: longReply(word),
    },
  });
  expect(logged.status()).toBe(201);
  const messageId = ((await logged.json()) as { message: { id: string } }).message.id;

  // On the conversation: the subject and two lines of the text; Show more opens the rest in place.
  const conv = new ConversationPage(page);
  await conv.goto(conversationId);
  const entry = conv.messages.getByRole('list', { name: 'Message log' }).getByRole('listitem').first();
  await expect(entry).toContainText('Re: a question about course design');
  const lastLine = entry.getByText('bring one lesson you designed yourself', { exact: false });
  await expect(lastLine).toBeAttached();
  const more = entry.getByRole('button', { name: 'Show more' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const text = entry.locator('.message-text');
  const clamped = await text.boundingBox();
  await more.click();
  const less = entry.getByRole('button', { name: 'Show less' });
  await expect(less).toHaveAttribute('aria-expanded', 'true');
  const opened = await text.boundingBox();
  expect(opened!.height).toBeGreaterThan(clamped!.height * 1.5);
  await less.click();
  await expect(entry.getByRole('button', { name: 'Show more' })).toBeVisible();

  // The same on the person's page and in the whole log.
  await page.goto(`/people/${personId}`);
  const personLog = page.getByRole('region', { name: 'Messages' }).getByRole('list', { name: 'Message log' });
  await expect(personLog.getByRole('listitem').first()).toContainText('Thanks for writing, happy to help.');
  await expect(personLog.getByRole('button', { name: 'Show more' })).toBeVisible();
  const all = new MessagesListPage(page);
  await all.goto(`?person=${personId}`);
  const row = all.rows().first();
  await expect(row).toContainText('Thanks for writing, happy to help.');
  await row.getByRole('button', { name: 'Show more' }).click();
  await expect(row.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');

  // A word deep in the text finds the message; the hit opens it, in view and already expanded.
  const search = new Search(page);
  await search.box.fill(word);
  await expect(page).toHaveURL(/\/search\?q=/);
  const hit = search.result('Re: a question about course design');
  await expect(hit).toBeVisible();
  await hit.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${conversationId}#message-${messageId}$`));
  const found = page.locator(`#message-${messageId}`);
  await expect(found).toBeFocused();
  await expect(found).toBeInViewport();
  await expect(found.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  await expect(found.getByText(`${word} review`, { exact: false })).toBeVisible();
});
