import { expect, test } from '@playwright/test';
import { createPerson, unique } from './api-helpers.js';
import { PeoplePage } from './pages/people-page.js';

test('tick several people, tag them at once, then delete one after confirming', async ({ page, request }) => {
  const id = unique();
  const names = ['Ada', 'Bo', 'Cleo'].map((n) => `${n} Bulk${id}`);
  for (const fullName of names) await createPerson(request, { fullName });

  const people = new PeoplePage(page);
  await page.goto(`/people?q=Bulk${id}`);
  await expect(people.row(names[0]!)).toBeVisible();
  const bar = page.getByRole('region', { name: 'Change the selected people' });
  await expect(bar).toBeHidden();

  await page.getByLabel(`Select ${names[0]}`).check();
  await page.getByLabel(`Select ${names[1]}`).check();
  await expect(bar).toContainText('2 people selected');
  await bar.getByLabel('Tag').fill(`mentors${id}`);
  await bar.getByLabel('Tag').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Tagged 2 people' })).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(people.row(names[0]!)).toContainText(`mentors${id}`);
  await expect(people.row(names[1]!)).toContainText(`mentors${id}`);
  await expect(people.row(names[2]!)).not.toContainText(`mentors${id}`);

  // The header box ticks the whole page; deleting asks first, and Cancel keeps everyone.
  await page.getByLabel('Select everyone on this page').check();
  await expect(bar).toContainText('3 people selected');
  await page.getByLabel('Select everyone on this page').uncheck();
  await page.getByLabel(`Select ${names[2]}`).check();
  await bar.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 1 person?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(people.row(names[2]!)).toBeVisible();
  await bar.getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Delete 1 person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted 1 person' })).toBeVisible();
  await expect(people.row(names[2]!)).toHaveCount(0);
  await expect(people.row(names[0]!)).toBeVisible();
});
