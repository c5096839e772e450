import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { unique } from './api-helpers.js';
import { navigateTo } from './pages/nav.js';
import { SignInPage } from './pages/sign-in-page.js';

// Runs only with playwright.hosted.config.ts (`npm run test:e2e:hosted`), against `serve --hosted`
// on PostgreSQL.

const PASSWORD = 'a long enough password';

test('a hosted server asks for sign-in first, keeps each account to its own workspace, and signs out', async ({
  page,
  browser,
}) => {
  const signIn = new SignInPage(page);
  const email = `ada-${unique()}@example.org`;
  await page.goto('/people');
  await expect(signIn.heading).toHaveText('Sign in to Rapport');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await signIn.signIn(email, 'not the password');
  await expect(signIn.error).toHaveText('That e-mail and password do not match an account.');

  await signIn.signUp('Ada', email, PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const created = await page.request.post('/api/people', {
    data: { fullName: 'Only Ada Knows' },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);

  // Another browser, another account: none of Ada's people.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/');
  await new SignInPage(otherPage).signUp('Bo', `bo-${unique()}@example.org`, PASSWORD);
  await expect(otherPage.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await otherPage.goto('/people');
  await expect(otherPage.getByRole('main')).not.toContainText('Only Ada Knows');
  await other.close();

  await page.goto('/people');
  await expect(page.getByRole('main')).toContainText('Only Ada Knows');
  await navigateTo(page, 'Settings');
  const account = page.getByRole('region', { name: 'Account' });
  await expect(account).toContainText(email);
  await account.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(signIn.heading).toHaveText('Sign in to Rapport');

  await signIn.signIn(email, PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await navigateTo(page, 'Settings');
  await account.getByRole('button', { name: 'Delete account…' }).click();
  await account.getByLabel('Your password').fill('wrong password!');
  await account.getByRole('button', { name: 'Delete my account and workspace' }).click();
  await expect(account.getByRole('alert')).toHaveText('That password is not the one of this account.');
  await account.getByLabel('Your password').fill(PASSWORD);
  await account.getByRole('button', { name: 'Delete my account and workspace' }).click();
  await expect(signIn.heading).toHaveText('Sign in to Rapport');
  await signIn.signIn(email, PASSWORD);
  await expect(signIn.error).toHaveText('That e-mail and password do not match an account.');
});
