import type { Locator, Page } from '@playwright/test';

/** The printable one-page brief of a conversation. */
export class BriefPage {
  readonly agenda: Locator;
  readonly who: Locator;
  readonly printButton: Locator;
  readonly pdfLink: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.agenda = page.getByRole('region', { name: /^Agenda/ });
    this.who = page.getByRole('region', { name: 'Who' });
    this.printButton = page.getByRole('button', { name: 'Print' });
    this.pdfLink = page.getByRole('link', { name: 'Download PDF' });
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  async goto(conversationId: string): Promise<void> {
    await this.page.goto(`/conversations/${conversationId}/brief`);
  }
}
