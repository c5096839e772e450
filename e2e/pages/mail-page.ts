import type { Locator, Page } from '@playwright/test';

/** Settings → Mail: connect a mailbox, its status, Sync now and Disconnect. */
export class MailPage {
  readonly form: Locator;
  readonly mailbox: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Connect a mailbox' });
    this.mailbox = page.getByRole('region', { name: 'Connected mailbox' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/settings/mail');
  }

  /** Fills the form for a server of one's own and presses "Test and save". */
  async connectCustom(m: {
    address: string;
    password: string;
    host: string;
    imapPort: number;
    smtpPort: number;
  }): Promise<void> {
    const f = this.form;
    await f.getByLabel('Provider').selectOption({ label: 'Another server' });
    await f.getByLabel('E-mail address').fill(m.address);
    await f.getByLabel('App password').fill(m.password);
    await f.getByLabel('IMAP server (reading)').fill(m.host);
    await f.getByLabel('IMAP port').fill(String(m.imapPort));
    await f.getByLabel('IMAP encryption').selectOption('none');
    await f.getByLabel('SMTP server (sending)').fill(m.host);
    await f.getByLabel('SMTP port').fill(String(m.smtpPort));
    await f.getByLabel('SMTP encryption').selectOption('none');
    await f.getByRole('button', { name: 'Test and save' }).click();
  }

  async syncNow(): Promise<void> {
    await this.mailbox.getByRole('button', { name: 'Sync now' }).click();
  }

  /** The line that says how a sync ended. */
  syncNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Sync finished' });
  }
}
