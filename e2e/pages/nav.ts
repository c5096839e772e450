import type { Page } from '@playwright/test';

type Section =
  | 'Home'
  | 'People'
  | 'Organizations'
  | 'Conversations'
  | 'Targets'
  | 'Network'
  | 'Results'
  | 'Settings';

/** Follows a link of the main navigation bar. */
export async function navigateTo(page: Page, section: Section): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: section, exact: true })
    .click();
}
