import type { Locator, Page } from '@playwright/test';

/**
 * The second server of the suite: a fresh data folder nobody else writes to, so a backup can
 * be restored into an empty workspace (see playwright.config.ts).
 */
export const emptyServerUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4399) + 1}`;

/** Backup and restore: download the workspace, restore a backup into an empty one. */
export class BackupPage {
  readonly heading: Locator;
  readonly download: Locator;
  readonly file: Locator;
  readonly restoreSection: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Backup and restore' });
    this.download = page.getByRole('link', { name: 'Download a backup' });
    this.file = page.getByLabel('Backup file');
    this.restoreSection = page.getByRole('region', { name: 'Restore from a backup' });
    this.alert = page.getByRole('alert');
  }

  restoreButton(): Locator {
    return this.page.getByRole('button', { name: /^Restore [\d,]+ records$/ });
  }
}
