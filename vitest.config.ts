import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'shared/test/**/*.test.ts', 'seeds/**/*.test.ts', 'sync-server/src/**/*.test.ts', 'addin/src/**/*.test.{ts,tsx}', 'addin/e2e/**/*.test.ts'],
    // Ceilings against hangs, not speed checks: tests that start servers and CLIs wait for their log
    // lines and exit codes, and a 2-core machine busy with other work may take minutes for that.
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
