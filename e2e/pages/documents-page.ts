import type { Locator, Page } from '@playwright/test';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The documents library: upload, list, download and delete. */
export class DocumentsPage {
  readonly upload: Locator;
  readonly table: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.upload = page.getByRole('region', { name: 'Upload a document' });
    this.table = page.getByRole('table');
    this.alert = page.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/documents');
  }

  async uploadFile(
    file: UploadFile,
    fields: { title: string; kind?: string; version?: string },
  ): Promise<void> {
    await this.upload.getByLabel('File').setInputFiles(file);
    if (fields.kind) await this.upload.getByLabel('Kind').selectOption({ label: fields.kind });
    await this.upload.getByLabel('Title').fill(fields.title);
    if (fields.version) await this.upload.getByLabel('Version').fill(fields.version);
    await this.upload.getByRole('button', { name: 'Upload' }).click();
  }

  row(title: string): Locator {
    return this.table.getByRole('row').filter({ hasText: title });
  }
}
