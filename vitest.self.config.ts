/**
 * The suite `npm run mutate:self` runs against every mutant of src/ (stryker.config.json names it
 * in "vitest.configFile", for assay and StrykerJS alike): the unit tests only. The end-to-end tests
 * spawn the built dist/ on fixtures, so they never load the mutated src/ and cannot kill a mutant.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'sandbox-fixtures/**', 'dist/**'],
    // Instrumented code on a busy 2-core machine runs a few times slower: vitest's 5 s default
    // would fail the slowest tests (test/unit/instrument/realistic.test.ts) before any mutant.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
