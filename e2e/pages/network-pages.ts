import type { Locator, Page } from '@playwright/test';

/** The Introductions and Credited results cards of a person's page. */
export class PersonNetworkSection {
  readonly introductions: Locator;
  readonly credits: Locator;
  /** "You ← Maya ← Jonas ← Priya". */
  readonly chain: Locator;

  constructor(readonly page: Page) {
    this.introductions = page.getByRole('region', { name: 'Introductions' });
    this.credits = page.getByRole('region', { name: 'Credited results' });
    this.chain = this.introductions.getByRole('list', { name: 'How you reached them' });
  }

  /** Records an introduction by this person (`by`) or of this person (`to`) through the form. */
  async addIntroduction(fields: { direction: 'by' | 'to'; other: string; stage?: string }): Promise<void> {
    await this.introductions.getByRole('button', { name: 'Add introduction' }).click();
    const form = this.introductions.getByRole('form', { name: 'Add introduction' });
    await form
      .getByRole('radio', {
        name: fields.direction === 'by' ? / introduced someone$/ : /^Someone introduced /,
      })
      .check();
    await form.getByLabel('Find a person').fill(fields.other);
    // The match turns into the chosen person as soon as it is picked.
    await form.getByRole('radio', { name: fields.other, exact: true }).click();
    if (fields.stage) await form.getByLabel('Stage').selectOption({ label: fields.stage });
    await form.getByRole('button', { name: 'Save introduction' }).click();
  }

  /** The introduction to or by `name` in the card. */
  introduction(name: string): Locator {
    return this.introductions
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The credited result called `title`. */
  credit(title: string): Locator {
    return this.credits.getByRole('listitem').filter({ hasText: title });
  }
}

/** The network graph page. */
export class NetworkPage {
  readonly graph: Locator;
  readonly emptyState: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.graph = page.getByRole('img', { name: /^Graph of / });
    this.emptyState = page.getByRole('heading', { name: 'No introductions yet' });
    this.search = page.getByRole('searchbox', { name: 'Find a person' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/network');
  }

  /** Finds a person by name and opens their panel. */
  async focus(name: string): Promise<Locator> {
    await this.search.fill(name);
    await this.page.getByRole('list', { name: 'Matching people' }).getByRole('button', { name }).click();
    return this.page.getByRole('region', { name });
  }
}

/** The Ways in and Coverage cards of an organization's page. */
export class OrganizationNetworkSections {
  readonly waysIn: Locator;
  readonly coverage: Locator;
  readonly nudges: Locator;

  constructor(readonly page: Page) {
    this.waysIn = page.getByRole('region', { name: 'Ways in' });
    this.coverage = page.getByRole('region', { name: 'Coverage' });
    this.nudges = this.coverage.getByRole('note');
  }

  /** The warm path that ends at (or passes through) `name`. */
  path(name: string): Locator {
    return this.waysIn
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('list', { name: /^Path to / }) })
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
