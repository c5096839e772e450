import type { Locator, Page } from '@playwright/test';

/** The ranked LAMP target list. */
export class TargetsPage {
  readonly addSelect: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.addSelect = page.getByLabel('Add an organization');
    this.table = page.getByRole('table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/targets');
  }

  async add(name: string): Promise<void> {
    await this.addSelect.selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Add to list' }).click();
    await this.entry(name).waitFor();
  }

  /** One employer's rows: its scores, and a caution under them when it has one. */
  entry(name: string): Locator {
    return this.table
      .getByRole('rowgroup')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The organizations in the order the list shows them. */
  async order(): Promise<string[]> {
    return this.table.locator('tbody tr td:nth-child(2) a').allTextContents();
  }
}
