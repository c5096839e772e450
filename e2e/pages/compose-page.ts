import type { Locator, Page } from '@playwright/test';

/** The compose page: template, merge fields, the draft, live advice and sending. */
export class ComposePage {
  readonly purpose: Locator;
  readonly channel: Locator;
  readonly template: Locator;
  readonly subject: Locator;
  readonly message: Locator;
  readonly advice: Locator;
  readonly findings: Locator;
  readonly wordCount: Locator;
  /** The caution shown when the reader's employer has an open posting. */
  readonly postingCaution: Locator;

  constructor(readonly page: Page) {
    this.purpose = page.getByLabel('Purpose', { exact: true });
    this.channel = page.getByLabel('Channel', { exact: true });
    this.template = page.getByLabel('Template', { exact: true });
    this.subject = page.getByLabel('Subject', { exact: true });
    this.message = page.getByLabel('Message', { exact: true });
    this.advice = page.getByRole('complementary', { name: 'Advice' });
    this.findings = this.advice.getByRole('list', { name: 'Advice on this draft' });
    this.wordCount = this.advice.locator('.word-count');
    this.postingCaution = page.getByRole('note', { name: 'Open posting' });
  }

  /** One piece of advice on the draft, found by what it says. */
  finding(text: string | RegExp): Locator {
    return this.findings.getByRole('listitem').filter({ hasText: text });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async fillField(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async fillDraft(): Promise<void> {
    await this.page.getByRole('button', { name: 'Fill draft' }).click();
  }

  async logAsSent(): Promise<void> {
    await this.page.getByRole('button', { name: 'Log as sent' }).click();
  }

  /** The confirmation shown once the message is logged. */
  sentNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Logged as sent' });
  }
}
