import type { Locator, Page } from '@playwright/test';

/** The settings page: details, rules, holidays, the daily e-mail, calendar feeds and access tokens. */
export class SettingsPage {
  readonly myName: Locator;
  readonly feeds: Locator;
  readonly holidays: Locator;
  readonly tokens: Locator;
  /** The daily e-mail of Today's list: the switch and the hour. */
  readonly digest: Locator;

  constructor(readonly page: Page) {
    this.myName = page.getByLabel('Your name');
    this.feeds = page.getByRole('region', { name: 'Calendar feeds' });
    this.holidays = page.getByRole('region', { name: 'Holidays' });
    this.tokens = page.getByRole('region', { name: 'Access tokens' });
    this.digest = page.getByRole('region', { name: 'Daily e-mail' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/settings');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }
}
