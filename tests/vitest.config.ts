import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'api',
          include: ['api/**/*.test.ts'],
          setupFiles: ['./support/fail-on-console-error.ts'],
          pool: 'forks',
          // Speed is measured by `pnpm bench`, not here: in CI two API runs (Node 20 and 24) share two cores, where a
          // PDF or a full privacy export can take several seconds without anything being wrong.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          setupFiles: ['./support/fail-on-console-error.ts'],
          globalSetup: ['./e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for what the page shows next; its default of 1 s is shorter than a lazy chunk under load
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
