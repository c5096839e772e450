import type { Locator, Page } from '@playwright/test';

/** The question asked before leaving a page whose form holds unsaved changes. */
export class LeaveDialog {
  readonly dialog: Locator;
  readonly stay: Locator;
  readonly leave: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    this.stay = this.dialog.getByRole('button', { name: 'Stay on this page' });
    this.leave = this.dialog.getByRole('button', { name: 'Leave without saving' });
  }
}

/** The offer to put back a draft kept in the browser, e.g. "Restore your draft from 10:42?". */
export class DraftOffer {
  readonly region: Locator;
  readonly restore: Locator;
  readonly discard: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Unsaved draft' });
    this.restore = this.region.getByRole('button', { name: 'Restore' });
    this.discard = this.region.getByRole('button', { name: 'Discard' });
  }
}

/** Reloads the page, answering the browser's "leave this site?" question with yes; returns its kind. */
export async function reloadAnsweringLeave(page: Page): Promise<string | null> {
  let asked: string | null = null;
  page.once('dialog', (d) => {
    asked = d.type();
    void d.accept();
  });
  await page.reload();
  return asked;
}
