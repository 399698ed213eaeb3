import { defineConfig } from 'vitest/config';

/**
 * Unit tests of the console's pure helpers (src/**), the bundle budget and the browser tests (test/**). All run in
 * Node: the browser tests drive Debian's chromium through playwright-core against a real Orchard.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
