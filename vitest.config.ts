import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'shared/test/**/*.test.ts', 'seeds/**/*.test.ts', 'sync-server/src/**/*.test.ts', 'addin/src/**/*.test.{ts,tsx}', 'addin/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
