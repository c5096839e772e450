import { expect, test } from '@playwright/test';
import { unique } from './api-helpers.js';
import { navigateTo } from './pages/nav.js';
import { SettingsPage } from './pages/settings-page.js';

test('an access token is shown once when created, works on the API, and stops working when revoked', async ({
  page,
  request,
}) => {
  const settings = new SettingsPage(page);
  const name = `Desktop assistant ${unique()}`;
  await page.goto('/');
  await navigateTo(page, 'Settings');

  await settings.tokens.getByRole('button', { name: 'Create a token' }).click();
  await expect(settings.tokens.getByRole('alert')).toContainText('Give the token a name');
  await settings.tokens.getByLabel('Token name').fill(name);
  await settings.tokens.getByLabel('Read only').check();
  await settings.tokens.getByRole('button', { name: 'Create a token' }).click();
  const shown = settings.tokens.getByLabel('New token');
  await expect(shown).toHaveValue(/^rapport_[\w-]{43}$/);
  const token = await shown.inputValue();

  const auth = { authorization: `Bearer ${token}` };
  expect((await request.get('/api/agenda', { headers: auth })).status()).toBe(200);
  const write = await request.post('/api/people', { headers: auth, data: { fullName: 'Not allowed' } });
  expect(write.status()).toBe(403);

  const row = settings.tokens.getByRole('list', { name: 'Your access tokens' }).getByRole('listitem').filter({
    hasText: name,
  });
  await expect(row).toContainText('Read only');
  await expect(row).toContainText('Active');
  // The list shows when the token was last used; the page reads it afresh on a visit.
  await page.reload();
  await expect(settings.tokens.getByLabel('New token')).toHaveCount(0);
  await expect(row).toContainText('last used');
  await expect(row).not.toContainText(token);

  await row.getByRole('button', { name: 'Revoke' }).click();
  await page
    .getByRole('dialog', { name: `Revoke the token "${name}"?` })
    .getByRole('button', { name: 'Revoke token' })
    .click();
  await expect(row).toContainText('revoked');
  expect((await request.get('/api/agenda', { headers: auth })).status()).toBe(401);
});
