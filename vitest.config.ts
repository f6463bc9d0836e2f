import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: two workers keep PGlite instances and argon2 hashing from starving each other.
    maxWorkers: 2,
  },
});
