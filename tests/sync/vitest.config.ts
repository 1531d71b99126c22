import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The sync suite: supabase-js against a real PostgreSQL 15 (tests/db/cluster.sh)
 * through the PostgREST test adapter (tests/sync/support/pg-fetch.ts).
 * Run: npx vitest run -c tests/sync/vitest.config.ts   (npm test runs it as suite "sync").
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/sync/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    globalSetup: ['tests/sync/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
