import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// Refreshes docs/screenshot.png for the README; runs only when asked: SCREENSHOT=1 npm run test:e2e
test.skip(process.env.SCREENSHOT !== '1', 'set SCREENSHOT=1 to update docs/screenshot.png');

test('screenshot of the People page with the sample workspace', async ({ page, request }) => {
  const summary = (await (await request.get('/api/workspace')).json()) as { counts: { people: number } };
  if (summary.counts.people === 0) expect((await request.post('/api/workspace/sample')).status()).toBe(201);

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/people');
  await expect(page.getByRole('link', { name: 'Maya Okafor' })).toBeVisible();
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/screenshot.png', fullPage: true });
});
