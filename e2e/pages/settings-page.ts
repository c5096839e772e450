import type { Locator, Page } from '@playwright/test';

/** The settings page: details, rules, holidays, calendar feeds and access tokens. */
export class SettingsPage {
  readonly myName: Locator;
  readonly feeds: Locator;
  readonly holidays: Locator;
  readonly tokens: Locator;

  constructor(readonly page: Page) {
    this.myName = page.getByLabel('Your name');
    this.feeds = page.getByRole('region', { name: 'Calendar feeds' });
    this.holidays = page.getByRole('region', { name: 'Holidays' });
    this.tokens = page.getByRole('region', { name: 'Access tokens' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/settings');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }
}
