import type { Page } from '@playwright/test';

type Section =
  | 'Home'
  | 'People'
  | 'Organizations'
  | 'Conversations'
  | 'Tasks'
  | 'Messages'
  | 'Targets'
  | 'Network'
  | 'Results'
  | 'Questions'
  | 'Documents'
  | 'Import'
  | 'Backup'
  | 'Settings';

/** Sections behind the bar's "More" menu. */
const IN_MORE: readonly Section[] = [
  'Messages',
  'Network',
  'Questions',
  'Documents',
  'Import',
  'Backup',
  'Settings',
];

/** Follows a link of the main navigation bar, opening its "More" menu when the link is there. */
export async function navigateTo(page: Page, section: Section): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  if (IN_MORE.includes(section)) await nav.getByText('More', { exact: true }).click();
  await nav.getByRole('link', { name: section, exact: true }).click();
}
