import type { Locator, Page } from '@playwright/test';

/** Today's agenda on the home page. */
export class TodayPanel {
  readonly region: Locator;
  readonly toast: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: /^Today/ });
    this.toast = this.region
      .getByRole('status')
      .filter({ hasText: /Marked as done|Snoozed|Dismissed|Brought back/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  /** The agenda item whose title contains `title`. */
  item(title: string): Locator {
    return this.region.getByRole('listitem').filter({ hasText: title });
  }

  /** The group of items of one kind, e.g. "Follow-ups". */
  group(heading: string): Locator {
    return this.region.getByRole('region', { name: new RegExp(`^${heading}`) });
  }

  /** Answers "Did your meeting happen?" on the item whose title contains `title`. */
  async answerMeeting(title: string, answer: 'Held' | 'Moved' | 'Cancelled'): Promise<void> {
    const item = this.item(title);
    if (answer === 'Moved') await item.getByRole('link', { name: /^Moved/ }).click();
    else await item.getByRole('button', { name: new RegExp(`^${answer}`) }).click();
  }

  async answer(title: string, button: 'Done' | 'Snooze' | 'Dismiss'): Promise<void> {
    await this.item(title).getByRole('button', { name: button, exact: true }).click();
  }
}
