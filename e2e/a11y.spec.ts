import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { MAIN_PAGES, openPage, sampleIds } from './pages/main-pages.js';

// Runs in the `a11y` project (a desktop window) and the `mobile` project (a phone screen).

/** The serious and critical problems axe finds on the page, one line each. */
async function seriousProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const entry of MAIN_PAGES) {
  test(`${entry.name} has no serious accessibility problem`, async ({ page, request }) => {
    await openPage(page, entry.path(await sampleIds(request)));
    expect(await seriousProblems(page)).toEqual([]);
  });
}

test('the navigation has no serious accessibility problem with its menu open', async ({ page }) => {
  await openPage(page, '/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const opener =
    test.info().project.name === 'mobile'
      ? nav.getByRole('button', { name: 'Menu' })
      : nav.getByText('More', { exact: true });
  await opener.click();
  await expect(nav.getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
  expect(await seriousProblems(page)).toEqual([]);
});
