import { defineConfig } from 'vitest/config';

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
          exclude: process.env.TEST_DATABASE_URL ? ['src/cli/**'] : [],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
