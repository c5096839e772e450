import { expect, test } from '@playwright/test';
import { unique } from './api-helpers.js';
import { DuplicatesPage, MergeReviewPage } from './pages/duplicates-pages.js';
import { PeoplePage } from './pages/people-page.js';
import { PersonPage } from './pages/person-page.js';

test('find two records of one person, review them side by side, merge, see one history, undo', async ({
  page,
  request,
}) => {
  const u = unique();
  const keptName = `Ana Silva ${u}`;
  const otherName = `Ana S ${u}`;
  const email = `ana.${u}@example.com`;
  const add = async (data: Record<string, unknown>) => {
    const res = await request.post('/api/people', { data });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const keptId = await add({ fullName: keptName, email, title: 'Designer' });
  const otherId = await add({ fullName: otherName, email: email.toUpperCase(), phone: '+351 912 000 111' });
  for (const [personId, body] of [
    [keptId, `Met ${keptName} at the design meetup`],
    [otherId, `Coffee with ${otherName} about research`],
  ]) {
    expect((await request.post('/api/notes', { data: { personId, body } })).status()).toBe(201);
  }

  const people = new PeoplePage(page);
  await people.goto();
  await page.getByRole('link', { name: /^Possible duplicates/ }).click();
  const duplicates = new DuplicatesPage(page);
  await expect(duplicates.heading).toBeVisible();
  const pair = duplicates.pair(keptName);
  await expect(pair).toContainText('Same e-mail');
  await pair.getByRole('link', { name: /^Review/ }).click();

  const review = new MergeReviewPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(keptName);
  // Keep the record named Ana Silva whichever way round the pair was listed.
  if (!(await page.getByRole('region', { name: `Keep: ${keptName}` }).isVisible())) {
    await page.getByRole('link', { name: `Keep ${keptName} instead` }).click();
  }
  await expect(page.getByRole('region', { name: `Keep: ${keptName}` })).toBeVisible();
  await expect(page.getByText(`1 note will move to ${keptName}.`)).toBeVisible();
  // The phone only the other record has is picked by default; the e-mail is chosen by keyboard.
  await expect(review.choice('Phone', otherName)).toBeChecked();
  await review.choice('E-mail', keptName).focus();
  await page.keyboard.press('ArrowDown');
  await expect(review.choice('E-mail', otherName)).toBeChecked();
  await review.mergeButton.click();
  await expect(review.done).toContainText(`Merged ${otherName} into ${keptName}`);

  await page.getByRole('status').getByRole('link', { name: keptName }).click();
  const person = new PersonPage(page);
  await expect(person.heading(keptName)).toBeVisible();
  const notes = page.getByRole('region', { name: 'Notes' });
  await expect(notes).toContainText('at the design meetup');
  await expect(notes).toContainText('about research');
  await expect(person.details).toContainText('+351 912 000 111');
  await expect(page.getByText(`Merged with ${otherName} on`)).toBeVisible();

  await page.getByRole('button', { name: `Undo merging ${otherName} into ${keptName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merge undone' })).toContainText(otherName);
  // The page reads again at once: the other person's note has left with them.
  await expect(notes).toContainText('at the design meetup');
  await expect(notes).not.toContainText('about research');
  await expect(person.details).not.toContainText('+351 912 000 111');

  await people.goto();
  await people.search.fill(u);
  await expect(people.row(keptName)).toBeVisible();
  await expect(people.row(otherName)).toBeVisible();
  await person.goto(otherId);
  await expect(page.getByRole('region', { name: 'Notes' })).toContainText('about research');
  await person.goto(keptId);
  await expect(page.getByRole('region', { name: 'Notes' })).not.toContainText('about research');

  // Told they are not the same person, the pair is not proposed again.
  await duplicates.goto();
  await duplicates
    .pair(keptName)
    .getByRole('button', { name: /not the same person/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Noted' })).toBeVisible();
  await expect(duplicates.pair(keptName)).toHaveCount(0);
});
