import type { Locator, Page } from '@playwright/test';

/** The list of people with its search box. */
export class PeoplePage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly addPersonLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'People' });
    this.search = page.getByLabel('Search people');
    this.table = page.getByRole('table');
    this.addPersonLink = page.getByRole('link', { name: 'Add person' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/people');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
