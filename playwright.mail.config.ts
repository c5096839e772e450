import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

// The mail journey (e2e/mail.spec.ts) against the real Dovecot and Postfix of scripts/mail-server.sh:
// `npm run test:e2e:mail`, which refuses to start without TEST_MAIL_HOST. Its own empty workspace.
const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-mail-'));
const port = Number(process.env.E2E_PORT ?? 4399);

export default defineConfig({
  ...base,
  projects: [{ name: 'mail', testMatch: 'mail.spec.ts' }],
  webServer: {
    command: `node dist/cli/main.js serve --port ${port} --data ${dataDir}`,
    url: `http://127.0.0.1:${port}/api/workspace`,
    // The fake clock lets the journey skip the days before a follow-up is due.
    env: { RAPPORT_FAKE_CLOCK: '1' },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
