import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';

/** A fixture file made for the import tests. */
export function linkedInFixture(name: string): string {
  return resolve('test/fixtures/linkedin', name);
}

/** Import from LinkedIn: choose the file, read the preview, confirm, see the result. */
export class ImportPage {
  readonly heading: Locator;
  readonly file: Locator;
  readonly preview: Locator;
  readonly result: Locator;
  readonly rows: Locator;
  readonly importButton: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Import from LinkedIn' });
    this.file = page.getByLabel('Connections.csv');
    this.preview = page.getByRole('list', { name: 'Import preview' });
    this.result = page.getByRole('list', { name: 'Import result' });
    this.rows = page.getByRole('table');
    this.importButton = page.getByRole('button', { name: /^Import: add/ });
    this.alert = page.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/import/linkedin');
  }

  async choose(fixture: string): Promise<void> {
    await this.file.setInputFiles(linkedInFixture(fixture));
  }

  row(line: number): Locator {
    return this.rows
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(line), exact: true }) });
  }
}
