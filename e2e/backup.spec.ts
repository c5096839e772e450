import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BackupPage, emptyServerUrl } from './pages/backup-page.js';

test('download a backup of the workspace and restore it into an empty workspace', async ({ page }) => {
  // The shared workspace holds the sample by now (the screenshot project loads it); run alone,
  // this loads it here. A workspace that already has people answers 409, which is fine.
  const sample = await page.request.post('/api/workspace/sample');
  expect([201, 409]).toContain(sample.status());
  // Settings leads to the backup page.
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Backup and restore' }).click();
  const backup = new BackupPage(page);
  await expect(backup.heading).toBeVisible();
  // A workspace with records is never restored over.
  await expect(backup.restoreSection).toContainText('can only be restored into an empty workspace');
  await expect(backup.file).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), backup.download.click()]);
  expect(download.suggestedFilename()).toMatch(/^rapport-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  const file = join(mkdtempSync(join(tmpdir(), 'rapport-e2e-backup-')), download.suggestedFilename());
  await download.saveAs(file);

  // A second server with an empty workspace: the welcome offers to restore.
  await page.goto(`${emptyServerUrl}/`);
  await page.getByRole('link', { name: 'Restore from a backup' }).click();
  await expect(backup.heading).toBeVisible();

  await backup.file.setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'What this backup holds' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^People \d+$/ })).toBeVisible();
  await backup.restoreButton().click();
  await expect(page.getByRole('status').filter({ hasText: /^Restored [\d,]+ records/ })).toBeVisible();

  await page.getByRole('link', { name: 'See your people' }).click();
  await expect(page.getByRole('link', { name: 'Maya Okafor' })).toBeVisible();

  // The restored workspace is no longer empty, so the page no longer offers to restore.
  await page.goto(`${emptyServerUrl}/backup`);
  await expect(backup.restoreSection).toContainText('can only be restored into an empty workspace');
});

test('export the people list as CSV, keeping the search on the page', async ({ page }) => {
  const sample = await page.request.post('/api/workspace/sample');
  expect([201, 409]).toContain(sample.status());
  await page.goto('/people?q=Maya');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rapport-people-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('Full name,Title');
  expect(text).toContain('Maya Okafor');
  expect(text).not.toContain('Jonas Reiter');
});
