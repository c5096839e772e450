import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Every run starts from an empty workspace in a fresh data folder.
const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
// A second, empty workspace on the next port: the backup journey restores into it.
const emptyDataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-empty-'));
// E2E_PORT lets two suites run side by side on one machine (each uses E2E_PORT and the next port).
const port = Number(process.env.E2E_PORT ?? 4399);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    // The app's offline worker stays out of the way; the phone spec allows it where it tests it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The welcome screen only shows in an empty workspace, so it runs before anything adds data;
    // the screenshot follows while the workspace holds only the sample.
    { name: 'first-run', testMatch: 'first-run.spec.ts' },
    { name: 'screenshot', testMatch: 'screenshot.spec.ts', dependencies: ['first-run'] },
    // The dashboard's weeks start with the workspace's first activity, so it is read while only the
    // sample is there (later journeys log requests and meetings weeks in the past).
    { name: 'sample-results', testMatch: 'results-dashboard.spec.ts', dependencies: ['screenshot'] },
    {
      name: 'journeys',
      testIgnore: [
        'first-run.spec.ts',
        'screenshot.spec.ts',
        'results-dashboard.spec.ts',
        '*-clock.spec.ts',
        'mobile.spec.ts',
        'a11y.spec.ts',
        // Needs the mail server: `npm run test:e2e:mail` runs it with playwright.mail.config.ts.
        'mail.spec.ts',
        // Need PostgreSQL: `npm run test:e2e:hosted` runs them with playwright.hosted.config.ts.
        'hosted.spec.ts',
        'hosted-two-process.spec.ts',
        'hosted-auth-mail.spec.ts',
        'hosted-coach.spec.ts',
      ],
      dependencies: ['sample-results'],
    },
    // Phones: no page scrolls sideways at 390 px, the menu works, the app installs and works offline;
    // and the accessibility checks on every main page, on a desktop window and on that phone.
    {
      name: 'mobile',
      testMatch: ['mobile.spec.ts', 'a11y.spec.ts'],
      dependencies: ['screenshot'],
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    { name: 'a11y', testMatch: 'a11y.spec.ts', dependencies: ['screenshot'] },
    // Moves the server's clock days ahead, so it runs last and sets the clock back when done.
    { name: 'clock', testMatch: '*-clock.spec.ts', dependencies: ['journeys'] },
  ],
  webServer: [
    {
      command: `node dist/cli/main.js serve --port ${port} --data ${dataDir}`,
      url: `http://127.0.0.1:${port}/api/workspace`,
      // The fake clock adds PUT /api/_test/clock, which the follow-up journey uses to skip days.
      env: { RAPPORT_FAKE_CLOCK: '1' },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node dist/cli/main.js serve --port ${port + 1} --data ${emptyDataDir}`,
      url: `http://127.0.0.1:${port + 1}/api/workspace`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
