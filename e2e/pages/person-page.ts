import type { Locator, Page } from '@playwright/test';

/** One person's page. */
export class PersonPage {
  readonly details: Locator;
  readonly conversations: Locator;
  readonly timeline: Locator;
  readonly planConversation: Locator;
  readonly editLink: Locator;

  constructor(readonly page: Page) {
    this.details = page.getByRole('region', { name: 'Details' });
    this.conversations = page.getByRole('region', { name: 'Conversations' });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.planConversation = page.getByRole('link', { name: 'Plan a conversation' });
    this.editLink = page.getByRole('link', { name: 'Edit', exact: true });
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/people/${id}`);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The id in the address bar of a person's page. */
  idFromUrl(): string {
    const id = new URL(this.page.url()).pathname.split('/')[2];
    if (!id) throw new Error(`Not on a person's page: ${this.page.url()}`);
    return id;
  }
}
