import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { unique } from './api-helpers.js';
import { navigateTo } from './pages/nav.js';
import { SignInPage } from './pages/sign-in-page.js';

// Runs only with playwright.hosted.config.ts (`npm run test:e2e:hosted`), against `serve --hosted`
// on PostgreSQL, started without mail settings (the reset e-mail itself is checked by
// src/server/routes/accounts/reset-mail.mail.test.ts against the real mail server).

const PASSWORD = 'a long enough password';
// The hosted process on localhost (playwright.hosted.config.ts): a passkey needs a host name.
const site = `http://localhost:${Number(process.env.E2E_PORT ?? 4399) + 2}`;

/** A platform authenticator in Chromium (Chrome DevTools Protocol), as a laptop's fingerprint reader. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function expectNoSeriousAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

test('adds a passkey in Settings, signs in with it alone, and removes it', async ({ page }) => {
  await virtualAuthenticator(page);
  const signIn = new SignInPage(page);
  const email = `passkey-${unique()}@example.org`;
  await page.goto(`${site}/`);
  await signIn.signUp('Pat', email, PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await navigateTo(page, 'Settings');
  const passkeys = page.getByRole('region', { name: 'Passkeys' });
  await expect(passkeys).toContainText('No passkeys yet.');
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  await passkeys.getByLabel('Passkey name').fill('Test laptop');
  await passkeys.getByRole('button', { name: 'Make the passkey' }).click();
  await expect(passkeys.getByRole('status')).toContainText('Passkey "Test laptop" added.');
  await expect(passkeys.getByRole('list', { name: 'Your passkeys' })).toContainText('Test laptop');
  await expectNoSeriousAxeViolations(page);

  await page
    .getByRole('region', { name: 'Account' })
    .getByRole('button', { name: 'Sign out', exact: true })
    .click();
  await expect(signIn.heading).toHaveText('Sign in to Rapport');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await navigateTo(page, 'Settings');
  await expect(page.getByRole('region', { name: 'Account' })).toContainText(email);
  await expect(passkeys).toContainText('last used');

  await passkeys.getByRole('button', { name: 'Remove passkey Test laptop' }).click();
  await expect(passkeys.getByRole('status')).toContainText('Passkey "Test laptop" removed.');
  await expect(passkeys).toContainText('No passkeys yet.');
  await page
    .getByRole('region', { name: 'Account' })
    .getByRole('button', { name: 'Sign out', exact: true })
    .click();
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(signIn.error).toHaveText(/not one of this server's accounts/);
});

test('a server without mail settings says so plainly, and a new account sees the confirmation banner', async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  const email = `nomail-${unique()}@example.org`;
  await page.goto(`${site}/`);
  await signIn.signUp('Noa', email, PASSWORD);
  const banner = page.getByRole('region', { name: 'Confirm your e-mail address' });
  await expect(banner).toContainText(email);
  // No link was sent, so the banner does not say one was, nor offer to send another.
  await expect(banner).toContainText('This server cannot send e-mail yet');
  await expect(banner).not.toContainText('the link we sent');
  await expect(banner.getByRole('button', { name: 'Send again' })).toHaveCount(0);

  await navigateTo(page, 'Settings');
  await page
    .getByRole('region', { name: 'Account' })
    .getByRole('button', { name: 'Sign out', exact: true })
    .click();
  await page.getByRole('button', { name: 'Forgot your password?' }).click();
  await expect(signIn.heading).toHaveText('Choose a new password');
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(signIn.error).toContainText('This server cannot send e-mail');
  await expect(signIn.error).toContainText('administrator');
  await page.getByRole('button', { name: 'Back to sign-in' }).click();
  await expect(signIn.heading).toHaveText('Sign in to Rapport');
});

test('a reset link that was used or has expired says how to get a new one', async ({ page }) => {
  await page.goto(`${site}/reset-password?token=not-a-real-token`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('New password', { exact: true }).fill('another long password');
  await page.getByLabel('The same password again').fill('another long password');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByRole('alert')).toContainText('This link has expired or was used already.');
});
