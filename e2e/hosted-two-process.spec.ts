import { expect, test } from '@playwright/test';
import pg from 'pg';
import { unique } from './api-helpers.js';
import { SettingsPage } from './pages/settings-page.js';
import { SignInPage } from './pages/sign-in-page.js';

// Runs only with playwright.hosted.config.ts (`npm run test:e2e:hosted`): two `serve --hosted`
// processes on one PostgreSQL database, on E2E_PORT and the next port.

const PASSWORD = 'a long enough password';
const port = Number(process.env.E2E_PORT ?? 4399);
const processA = `http://127.0.0.1:${port}`;
const processB = `http://127.0.0.1:${port + 1}`;

test('a session made by one server process works on the other, and signing out on one ends it on both', async ({
  page,
}) => {
  const email = `ada-${unique()}@example.org`;
  await page.goto(`${processA}/`);
  await new SignInPage(page).signUp('Ada', email, PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // The same browser on the other process: the cookie names a session kept in PostgreSQL.
  await page.goto(`${processB}/people`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const made = await page.request.post(`${processB}/api/people`, {
    data: { fullName: 'Made On B' },
    headers: { origin: processB },
  });
  expect(made.status()).toBe(201);
  await page.goto(`${processA}/people`);
  await expect(page.getByRole('main')).toContainText('Made On B');

  // Signed out on B: A no longer knows the session either.
  const out = await page.request.post(`${processB}/api/auth/sign-out`, { headers: { origin: processB } });
  expect(out.status()).toBe(200);
  await page.goto(`${processA}/people`);
  await expect(new SignInPage(page).heading).toHaveText('Sign in to Rapport');
});

test('the daily e-mail of Today is off, and says it needs a connected mailbox first', async ({ page }) => {
  await page.goto(`${processB}/`);
  await new SignInPage(page).signUp('Bo', `bo-${unique()}@example.org`, PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const settings = new SettingsPage(page);
  await page.goto(`${processB}/settings`);
  const sw = settings.digest.getByRole('checkbox', { name: 'E-mail me Today’s list each morning' });
  await expect(sw).not.toBeChecked();
  await expect(sw).toBeDisabled();
  await expect(settings.digest).toContainText(
    'This needs a connected mailbox: the e-mail goes from your mailbox to itself.',
  );
  await settings.digest.getByRole('link', { name: 'Connect a mailbox' }).click();
  await expect(page).toHaveURL(/\/settings\/mail$/);
});

test('a scheduled job runs once across both processes', async () => {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const since = new Date();
    // Both processes ask for a tick every 2 seconds; the queue keeps one per 2-second slot.
    await new Promise((r) => setTimeout(r, 9_000));
    const elapsed = (Date.now() - since.getTime()) / 1000;
    const { rows } = await db.query<{ runs: number; slots: number; jobs: number }>(
      `select count(*)::int as runs, count(distinct slot)::int as slots, count(distinct job_id)::int as jobs
         from job_runs where name = 'rapport.tick' and slot >= $1`,
      [since],
    );
    const { runs, slots, jobs } = rows[0]!;
    expect(runs).toBeGreaterThanOrEqual(2);
    // Each slot's tick ran once, by one of the two processes, and never more than one per slot.
    expect(slots).toBe(runs);
    expect(jobs).toBe(runs);
    expect(runs).toBeLessThanOrEqual(Math.ceil(elapsed / 2) + 1);
  } finally {
    await db.end();
  }
});
