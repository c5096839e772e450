import type { Locator, Page } from '@playwright/test';

/** The list of possible duplicates, with recent merges below it. */
export class DuplicatesPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly recentMerges: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Possible duplicates' });
    this.list = page.getByRole('list', { name: 'Possible duplicates' });
    this.recentMerges = page.getByRole('region', { name: 'Recent merges' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/people/duplicates');
  }

  /** The pair that names this person. */
  pair(name: string): Locator {
    return this.list
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}

/** Two people side by side, with a choice per differing field. */
export class MergeReviewPage {
  readonly mergeButton: Locator;
  readonly done: Locator;
  readonly undoButton: Locator;

  constructor(readonly page: Page) {
    this.mergeButton = page.getByRole('button', { name: /^Merge into / });
    this.done = page.getByRole('status').filter({ hasText: 'Merged' });
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true });
  }

  /** The radio choosing `owner`'s value of a field, e.g. choice('Phone', 'Ana S.'). */
  choice(field: string, owner: string): Locator {
    return this.page
      .getByRole('group', { name: field })
      .getByRole('radio', { name: new RegExp(`\\(${owner}\\)`) });
  }
}
