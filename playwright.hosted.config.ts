import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

// Hosted mode (e2e/hosted.spec.ts) against `serve --hosted` on the PostgreSQL database named by
// DATABASE_URL: `npm run test:e2e:hosted`, which refuses to start without it. .ci/run gives it a
// fresh database of its own.
const port = Number(process.env.E2E_PORT ?? 4399);
const publicUrl = `http://127.0.0.1:${port}`;

export default defineConfig({
  ...base,
  use: { ...base.use, baseURL: publicUrl },
  projects: [{ name: 'hosted', testMatch: 'hosted.spec.ts' }],
  webServer: {
    command: `node dist/cli/main.js serve --hosted --public-url ${publicUrl} --host 127.0.0.1 --port ${port}`,
    url: `${publicUrl}/api/session`,
    env: { RAPPORT_AUTH_SECRET: 'an end-to-end secret that is long enough to sign cookies' },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
