import type { Locator, Page } from '@playwright/test';

/** The settings page: details, rules, holidays and calendar feeds. */
export class SettingsPage {
  readonly myName: Locator;
  readonly feeds: Locator;
  readonly holidays: Locator;

  constructor(readonly page: Page) {
    this.myName = page.getByLabel('Your name');
    this.feeds = page.getByRole('region', { name: 'Calendar feeds' });
    this.holidays = page.getByRole('region', { name: 'Holidays' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/settings');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }
}
