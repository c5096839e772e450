import type { Locator, Page } from '@playwright/test';

/** The home page: a welcome in an empty workspace, a dashboard otherwise. */
export class HomePage {
  readonly welcome: Locator;
  readonly loadSampleButton: Locator;
  readonly addFirstPersonLink: Locator;
  readonly counts: Locator;
  readonly yourName: Locator;
  readonly yourTimeZone: Locator;
  readonly saveAndContinue: Locator;

  constructor(readonly page: Page) {
    this.welcome = page.getByRole('heading', { name: 'Your workspace is empty' });
    this.loadSampleButton = page.getByRole('button', { name: 'Load sample workspace' });
    this.addFirstPersonLink = page.getByRole('link', { name: 'Add your first person' });
    this.counts = page.getByRole('list', { name: 'Your workspace' });
    this.yourName = page.getByLabel('Your name');
    this.yourTimeZone = page.getByLabel('Your time zone');
    this.saveAndContinue = page.getByRole('button', { name: 'Save and continue' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }
}
