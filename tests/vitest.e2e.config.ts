import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium with the built extension (.output/chrome-mv3), and Firefox ESR
// with the Firefox build (.output/firefox-mv2, tests/e2e/firefox.e2e.test.ts).
// One file at a time: each launches its own browser and the machine has 2 cores.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
