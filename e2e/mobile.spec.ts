import { expect, type Page, test } from '@playwright/test';
import { createOrganization, unique } from './api-helpers.js';
import { MAIN_PAGES, openPage, sampleIds } from './pages/main-pages.js';

// Runs in the `mobile` project: a 390 × 844 touch screen, the size of a common phone.

/** How much wider than the screen the page is; 0 when nothing scrolls sideways. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe('every main page fits a phone screen', () => {
  // One target on the list, so Targets shows its table (the widest of the app).
  let targetId: string | undefined;
  test.beforeAll(async ({ request }) => {
    const organizationId = await createOrganization(request, `Harbour Analytics ${unique()}`);
    const res = await request.post('/api/outreach/targets', { data: { organizationId } });
    expect(res.status()).toBe(201);
    targetId = ((await res.json()) as { id: string }).id;
  });
  test.afterAll(async ({ request }) => {
    if (targetId) await request.delete(`/api/outreach/targets/${targetId}`);
  });

  for (const entry of MAIN_PAGES) {
    test(`${entry.name} does not scroll sideways`, async ({ page, request }) => {
      await openPage(page, entry.path(await sampleIds(request)));
      expect(await sidewaysOverflow(page), 'pixels the page is wider than the screen').toBe(0);
    });
  }
});

test('lists become one card a row: Targets shows each value under its name', async ({ page, request }) => {
  const name = `Quayside Labs ${unique()}`;
  const organizationId = await createOrganization(request, name);
  const res = await request.post('/api/outreach/targets', { data: { organizationId } });
  expect(res.status()).toBe(201);
  const targetId = ((await res.json()) as { id: string }).id;

  await openPage(page, '/targets');
  const motivation = page.getByLabel(`Motivation for ${name}`);
  const box = await motivation.boundingBox();
  expect(box).not.toBeNull();
  // The choice sits inside the screen, not in a table scrolled out of sight.
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  const cell = page.locator('td', { has: motivation });
  expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Motivation"');
  expect(await sidewaysOverflow(page)).toBe(0);

  await request.delete(`/api/outreach/targets/${targetId}`);
});

test('the bar is one row; its Menu opens every other page and closes on a choice or Escape', async ({
  page,
}) => {
  await openPage(page, '/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  await expect(nav.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'People', exact: true })).toBeHidden();
  const bar = await page.locator('header.nav-bar').boundingBox();
  expect(bar!.height, 'height of the bar in pixels').toBeLessThanOrEqual(64);

  await menu.tap();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['People', 'Organizations', 'Conversations', 'Tasks', 'Targets', 'Results']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  for (const name of ['Messages', 'Network', 'Questions', 'Documents', 'Import', 'Backup', 'Settings']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('searchbox', { name: 'Search' })).toBeVisible();
  await nav.getByRole('link', { name: 'Targets', exact: true }).tap();
  await expect(page).toHaveURL(/\/targets$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Targets' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'People', exact: true })).toBeHidden();

  // By keyboard: Enter opens it, Escape closes it and gives the focus back to the button.
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Settings', exact: true })).toBeHidden();
});

test.describe('installable', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a manifest with icons, and without a connection the app opens and says it is offline', async ({
    page,
    context,
    request,
  }) => {
    const manifest = await request.get('/manifest.webmanifest');
    expect(manifest.headers()['content-type']).toContain('application/manifest+json');
    const app = (await manifest.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(app).toMatchObject({ name: 'Rapport', start_url: '/', display: 'standalone' });
    for (const [sizes, purpose] of [
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ]) {
      const icon = app.icons.find((i) => i.sizes === sizes && i.purpose === purpose);
      expect(icon, `a ${sizes} ${purpose} icon`).toBeDefined();
      const png = await request.get(icon!.src);
      expect(png.headers()['content-type']).toBe('image/png');
    }

    await openPage(page, '/');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    const offline = page.getByRole('status').filter({ hasText: 'You are offline' });
    await context.setOffline(true);
    await page.reload();
    await expect(offline).toHaveText('You are offline; Rapport will reconnect when your connection is back.');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' }),
    ).toBeVisible();

    await context.setOffline(false);
    await expect(offline).toBeHidden({ timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
