import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page.js';
import { navigateTo } from './pages/nav.js';
import { PeoplePage } from './pages/people-page.js';
import { TargetsPage } from './pages/targets-page.js';

// The browser says Tokyo while the machine (and so the server's first guess) is elsewhere.
test.use({ timezoneId: 'Asia/Tokyo' });

test('a fresh workspace asks who and where you are first, and the sample fills it with people', async ({
  page,
}) => {
  const home = new HomePage(page);
  const before = await (await page.request.get('/api/settings')).json();
  expect(before.timeZone).not.toBe('Asia/Tokyo');
  await home.goto();

  await expect(home.welcome).toBeVisible();
  // Name and zone come before anything else; the zone is the browser's, not UTC.
  await expect(home.yourTimeZone).toHaveValue('Asia/Tokyo');
  await expect(home.yourName).toHaveValue('');
  await expect(home.loadSampleButton).toBeHidden();
  await home.saveAndContinue.click();
  await expect(page.getByText(/^Enter your name/)).toHaveCount(1);
  await expect(home.yourName).toHaveAttribute('aria-invalid', 'true');
  await home.yourName.fill('Ana Lima');
  await home.saveAndContinue.click();
  await expect(page.getByText('You are Ana Lima, on Asia/Tokyo time.')).toBeVisible();
  const after = await (await page.request.get('/api/settings')).json();
  expect(after).toMatchObject({ myName: 'Ana Lima', timeZone: 'Asia/Tokyo' });
  // Later journeys count days on the machine's clock, as before.
  await page.request.patch('/api/settings', { data: { timeZone: before.timeZone } });

  await expect(page.getByText('never to ask for a job')).toBeVisible();
  await expect(home.addFirstPersonLink).toBeVisible();
  await expect(page).toHaveTitle('Welcome to Rapport · Rapport');

  await home.loadSampleButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'Sample workspace loaded' })).toBeVisible();
  await expect(home.welcome).toBeHidden();
  await expect(home.counts).toContainText('people');
  await expect(page.getByRole('heading', { name: 'Upcoming meetings' })).toBeVisible();

  // The sample's meetings sit at office hours on the user's clock: the call with Priya is at 15:00.
  await page.reload();
  const upcoming = page.getByRole('region', { name: 'Upcoming meetings' });
  await expect(
    upcoming.getByRole('listitem').filter({ hasText: 'Priya Natarajan' }).locator('time'),
  ).toHaveText(/\b(15:00|3:00\sPM)$/);

  // It comes with a target list, ranked by LAMP, each employer worked now.
  await navigateTo(page, 'Targets');
  const targets = new TargetsPage(page);
  await expect
    .poll(() => targets.order())
    .toEqual(['Brightpath Learning', 'Open Classroom Foundation', 'Northwind Health', 'Civic Data Lab']);
  await expect(targets.entry('Brightpath Learning')).toContainText('Working now');
  await expect(targets.entry('Brightpath Learning')).toContainText('quiet job application');

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
