import { expect, test } from '@playwright/test';
import { unique } from './api-helpers.js';
import { navigateTo } from './pages/nav.js';

test('your own question joins the bank, flagged when a web search answers it, and can be retired', async ({
  page,
}) => {
  const id = unique();
  await page.goto('/');
  await navigateTo(page, 'Questions');
  await expect(page.getByRole('heading', { level: 1, name: 'Question bank' })).toBeVisible();
  const trends = page.getByRole('region', { name: /^Trends/ });
  await expect(trends.getByRole('listitem').first()).toBeVisible();

  // The flag shows while typing, before anything is saved.
  const add = page.getByRole('region', { name: 'Add your own' });
  const text = `What does your company do, ${id}?`;
  await add.getByLabel('Your question').fill('What does your company do?');
  await expect(add).toContainText('A web search answers this.');
  await add.getByLabel('Your question').fill(text);
  await add.getByLabel('Topic').selectOption({ label: 'Industry and outlook' });
  await add.getByRole('checkbox', { name: 'Learn about a company' }).check();
  await add.getByRole('button', { name: 'Add question' }).click();
  await expect(add.getByRole('status')).toContainText('Added to Industry and outlook');

  const mine = page.getByRole('listitem').filter({ hasText: text });
  await expect(mine).toContainText('Yours');
  await expect(mine).toContainText('Learn about a company');

  // Filtering by goal keeps it; another goal hides it.
  const goal = page.getByRole('search', { name: 'Filter questions' }).getByLabel('Goal');
  await goal.selectOption({ label: 'Feedback after a rejection' });
  await expect(mine).toHaveCount(0);
  await goal.selectOption({ label: 'Learn about a company' });
  await expect(mine).toBeVisible();

  // Retired questions leave the list unless asked for, and come back.
  await mine.getByRole('button', { name: /^Retire/ }).click();
  await expect(mine).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show retired questions' }).check();
  await expect(mine).toContainText('Retired');
  await mine.getByRole('button', { name: /^Restore/ }).click();
  await expect(mine).not.toContainText('Retired');
});
