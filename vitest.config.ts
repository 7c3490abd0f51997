import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'sandbox-fixtures/**', 'dist/**'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // The JSON file is what .ci/run counts passed and failed tests from.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/test-results.json' },
  },
});
