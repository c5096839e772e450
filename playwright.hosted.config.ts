import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

// Hosted mode (e2e/hosted*.spec.ts) against `serve --hosted` on the PostgreSQL database named by
// DATABASE_URL: `npm run test:e2e:hosted`, which refuses to start without it. .ci/run gives it a
// fresh database of its own. Two server processes share that database, on E2E_PORT and the next
// port, as several processes behind one proxy would (e2e/hosted-two-process.spec.ts); the job
// queue's tick comes every 2 seconds so the spec sees several.
const port = Number(process.env.E2E_PORT ?? 4399);
const publicUrl = `http://127.0.0.1:${port}`;
const secondUrl = `http://127.0.0.1:${port + 1}`;
// A third process on localhost (E2E_PORT + 2) for e2e/hosted-auth-mail.spec.ts: a passkey's relying
// party must be a host name, and browsers refuse an IP address such as 127.0.0.1.
const localhostUrl = `http://localhost:${port + 2}`;
const env = {
  RAPPORT_AUTH_SECRET: 'an end-to-end secret that is long enough to sign cookies',
  RAPPORT_JOB_TICK_SECONDS: '2',
};

export default defineConfig({
  ...base,
  use: { ...base.use, baseURL: publicUrl },
  projects: [{ name: 'hosted', testMatch: /hosted(-two-process|-auth-mail|-coach)?\.spec\.ts/ }],
  webServer: [
    {
      command: `node dist/cli/main.js serve --hosted --public-url ${publicUrl} --host 127.0.0.1 --port ${port}`,
      url: `${publicUrl}/api/session`,
      env,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node dist/cli/main.js serve --hosted --public-url ${secondUrl} --host 127.0.0.1 --port ${port + 1}`,
      url: `${secondUrl}/api/session`,
      env,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node dist/cli/main.js serve --hosted --public-url ${localhostUrl} --host 127.0.0.1 --port ${port + 2}`,
      url: `${localhostUrl}/api/session`,
      env,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
