import type { Locator, Page } from '@playwright/test';

/** A file made in the test: a name and its text. */
export interface TestFile {
  name: string;
  text: string;
}

/** The vCard and CSV imports: choose a file, (CSV) match the columns, preview, confirm, result. */
export class FormatImportPage {
  readonly heading: Locator;
  readonly file: Locator;
  readonly preview: Locator;
  readonly result: Locator;
  readonly rows: Locator;
  readonly importButton: Locator;
  readonly alert: Locator;
  readonly mappingHeading: Locator;
  readonly continueButton: Locator;

  constructor(
    readonly page: Page,
    title: string,
    fileLabel: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: title });
    this.file = page.getByLabel(fileLabel, { exact: true });
    this.preview = page.getByRole('list', { name: 'Import preview' });
    this.result = page.getByRole('list', { name: 'Import result' });
    this.rows = page.getByRole('table');
    this.importButton = page.getByRole('button', { name: /^Import: add/ });
    this.alert = page.getByRole('alert');
    this.mappingHeading = page.getByRole('heading', { name: 'Match the columns' });
    this.continueButton = page.getByRole('button', { name: 'Continue to the preview' });
  }

  static vcard(page: Page): FormatImportPage {
    return new FormatImportPage(page, 'Import contacts (vCard)', 'Contacts file (.vcf)');
  }

  static csv(page: Page): FormatImportPage {
    return new FormatImportPage(page, 'Import from a CSV file', 'CSV file');
  }

  async choose(file: TestFile): Promise<void> {
    await this.file.setInputFiles({
      name: file.name,
      mimeType: 'text/plain',
      buffer: Buffer.from(file.text),
    });
  }

  /** The select that says what a CSV column holds. */
  column(header: string): Locator {
    return this.page.getByLabel(`Field for column “${header}”`);
  }

  row(line: number): Locator {
    return this.rows
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(line), exact: true }) });
  }
}
