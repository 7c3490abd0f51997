/**
 * The options assay reads from a StrykerJS config file, with their defaults.
 * Keys not listed here are stripped; `unused-keys.ts` warns about them.
 * Assay-only settings go in the `assay` section: add a field there and map it in `build-options.ts`.
 */
import os from 'node:os';
import { z } from 'zod';
import * as field from './fields.js';

const DEFAULT_MUTATE = [
  'src/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}',
  '!src/**/*.{test,spec}.*',
  '!src/**/__tests__/**',
  '!src/**/*.d.ts',
];

/** Heap limit of each test thread: room for ordinary suites, a bound for runaway mutants. */
const DEFAULT_MEMORY_LIMIT_MB = 1024;

const thresholds = field
  .object({
    high: field.percentage().default(80),
    low: field.percentage().default(60),
    break: field.percentage('must be null or a number from 0 to 100').nullable().default(null),
  })
  .check((ctx) => {
    const { high, low } = ctx.value;
    if (ctx.issues.length === 0 && high < low) {
      const message = `must be greater than or equal to "thresholds.low" (${low})`;
      ctx.issues.push({ code: 'custom', path: ['high'], message, input: high });
    }
  });

export const fileSchema = field.object({
  mutate: field.mutatePatterns().default(DEFAULT_MUTATE),
  ignorePatterns: field.stringList().default([]),
  testRunner: field.testRunner().default('vitest'),
  vitest: field
    .object({ configFile: field.nonEmptyString().optional(), dir: field.nonEmptyString().optional() })
    .prefault({}),
  coverageAnalysis: field.coverageAnalysis().default('perTest'),
  concurrency: field.positiveInteger().default(() => os.availableParallelism()),
  timeoutMS: field.nonNegativeNumber().default(5000),
  timeoutFactor: field.nonNegativeNumber().default(1.5),
  thresholds: thresholds.prefault({}),
  mutator: field.object({ excludedMutations: field.mutatorNames().default([]) }).prefault({}),
  reporters: field.reporters().default(['clear-text', 'progress', 'json', 'html']),
  jsonReporter: field
    .object({ fileName: field.nonEmptyString().default('reports/mutation/mutation.json') })
    .prefault({}),
  checkers: field.checkers().default([]),
  tsconfigFile: field.nonEmptyString().default('tsconfig.json'),
  typescriptChecker: field.object({ prioritizePerformanceOverAccuracy: field.flag().default(true) }).prefault({}),
  disableBail: field.flag().default(false),
  ignoreStatic: field.flag().default(false),
  assay: field
    .object({
      isolation: field.isolation().default('batch'),
      memoryLimitMb: field.positiveInteger().default(DEFAULT_MEMORY_LIMIT_MB),
      modules: field.moduleThresholds().default({}),
      baseline: field.nonEmptyString().default('assay-baseline.json'),
      ratchetTolerance: field.nonNegativeNumber().default(0),
      equivalenceFilter: field.flag().default(true),
      incremental: field.flag().default(false),
      incrementalFile: field.nonEmptyString().default('reports/assay-incremental.json'),
      historyFile: field.nonEmptyString().default('reports/assay-history.jsonl'),
    })
    .prefault({}),
});

export type FileOptions = z.output<typeof fileSchema>;
