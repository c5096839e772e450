import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page.js';
import { navigateTo } from './pages/nav.js';
import { PeoplePage } from './pages/people-page.js';

test('a fresh workspace explains what to do, and the sample fills it with people', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();

  await expect(home.welcome).toBeVisible();
  await expect(page.getByText('never to ask for a job')).toBeVisible();
  await expect(home.addFirstPersonLink).toBeVisible();
  await expect(page).toHaveTitle('Welcome to Rapport · Rapport');

  await home.loadSampleButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Sample workspace loaded' })).toBeVisible();
  await expect(home.welcome).toBeHidden();
  await expect(home.counts).toContainText('people');
  await expect(page.getByRole('heading', { name: 'Upcoming meetings' })).toBeVisible();

  await navigateTo(page, 'People');
  const people = new PeoplePage(page);
  await expect(people.heading).toBeVisible();
  await expect(people.row('Maya Okafor')).toBeVisible();
  await expect(people.row('Jonas Reiter')).toContainText('Brightpath Learning');

  await people.search.fill('jonas');
  await expect(people.row('Jonas Reiter')).toBeVisible();
  await expect(people.row('Maya Okafor')).toBeHidden();
  await expect(page).toHaveURL(/q=jonas/);
});
