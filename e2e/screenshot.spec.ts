import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// The People page with the sample workspace. SCREENSHOT=1 npm run test:e2e also refreshes the
// README's docs/screenshot.png; otherwise the picture goes to test-results/.
const target = process.env.SCREENSHOT === '1' ? 'docs/screenshot.png' : 'test-results/people-page.png';

test('screenshot of the People page with the sample workspace', async ({ page, request }) => {
  const summary = (await (await request.get('/api/workspace')).json()) as { counts: { people: number } };
  if (summary.counts.people === 0) expect((await request.post('/api/workspace/sample')).status()).toBe(201);

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/people');
  await expect(page.getByRole('link', { name: 'Maya Okafor' })).toBeVisible();
  mkdirSync(target.split('/')[0]!, { recursive: true });
  await page.screenshot({ path: target, fullPage: true });
});
