import { defineConfig } from 'vitest/config';

/** Tests that talk to a real mail server (scripts/mail-server.sh); only `npm run test:mail` runs them. */
const MAIL_TESTS = 'src/**/*.mail.test.ts';

export default defineConfig({
  test: {
    // PGlite holds ~400 MB per instance; two workers fit the 2-core machines.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/web/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'services',
          include: [
            'src/services/**/*.test.ts',
            'src/server/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'src/db/**/*.test.ts',
          ],
          // The CLI always runs on its own embedded data folder, so the PostgreSQL tier leaves it out.
          exclude: [MAIL_TESTS, ...(process.env.TEST_DATABASE_URL ? ['src/cli/**'] : [])],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      // Exists only when a mail server is named, so `npm test` on a fresh machine never needs one;
      // `npm run test:mail` refuses to start without TEST_MAIL_HOST, so these never skip quietly.
      ...(process.env.TEST_MAIL_HOST
        ? [
            {
              test: {
                name: 'mail',
                include: [MAIL_TESTS],
                globalSetup: ['test/global-setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
