import type { Locator, Page } from '@playwright/test';

/** The search box in the navigation bar and the results page it opens. */
export class Search {
  readonly box: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByRole('banner').getByRole('searchbox', { name: 'Search' });
    this.results = page.getByRole('list', { name: 'Results' });
  }

  /** The result whose title or snippet contains `text`. */
  result(text: string): Locator {
    return this.results.getByRole('listitem').filter({ hasText: text });
  }

  chip(label: string): Locator {
    return this.page.getByRole('button', { name: label, exact: true });
  }
}
