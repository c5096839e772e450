import { expect, test } from '@playwright/test';
import { createPerson, unique } from './api-helpers.js';
import { ComposePage } from './pages/compose-page.js';
import { PersonPage } from './pages/person-page.js';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a message copied to the clipboard is logged once the user says it went out', async ({
  page,
  request,
}) => {
  const id = unique();
  const personName = `Olu Adeyemi ${id}`;
  const personId = await createPerson(request, { fullName: personName });
  const patched = await request.patch(`/api/people/${personId}`, { data: { email: 'olu@example.org' } });
  expect(patched.status()).toBe(200);

  const person = new PersonPage(page);
  await person.goto(personId);
  await page.getByRole('link', { name: 'Write a message' }).click();
  const compose = new ComposePage(page);
  await expect(compose.heading()).toHaveText(`Write to ${personName}`);
  await expect(compose.purpose).toHaveValue('keep_in_touch');

  // Not a request: only the word count, no request advice.
  await compose.subject.fill('An article you might like');
  await compose.message.fill(
    'Hi Olu,\n\nThis piece on museum learning made me think of our talk.\n\nBest,\nSam',
  );
  await expect(compose.wordCount).toContainText('15 words');
  await expect(compose.findings).toHaveCount(0);

  const mail = page.getByRole('link', { name: 'Open in e-mail' });
  await expect(mail).toHaveAttribute(
    'href',
    /^mailto:olu@example\.org\?subject=An%20article%20you%20might%20like&body=Hi%20Olu%2C%0D%0A/,
  );

  await page.getByRole('button', { name: 'Copy text' }).click();
  const question = page.getByRole('group', { name: 'Did you send it?' });
  await expect(question).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('museum learning');
  await question.getByRole('button', { name: 'Not yet' }).click();
  await expect(question).toBeHidden();

  await page.getByRole('button', { name: 'Copy text' }).click();
  await question.getByRole('button', { name: 'Yes, log it as sent' }).click();
  await expect(compose.sentNotice()).toContainText(`Logged as sent to ${personName}.`);

  // Keep the text as a template for next time; it is offered for the same purpose.
  await page.getByText('Save as a new template').click();
  await page.getByLabel('Template name').fill(`Article share ${id}`);
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “Article share ${id}”` })).toBeVisible();
  await expect(compose.template.locator('optgroup[label="Suggested for this purpose"] option')).toContainText(
    [`Article share ${id} (yours)`],
  );

  await person.goto(personId);
  const log = page.getByRole('region', { name: 'Messages' }).getByRole('list', { name: 'Message log' });
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await expect(log).toContainText('An article you might like');
  await expect(log).toContainText('Keeping in touch');
});
