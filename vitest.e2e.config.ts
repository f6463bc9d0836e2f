import { defineConfig } from 'vitest/config';

// The browser walks (`npm run test:e2e`): each file starts the app on its own fresh database and drives
// Debian's Chromium through it. One file at a time: on two cores a second Chromium only slows both.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
