/** Options as the pipeline takes them, for unit tests: assay's defaults (concurrency 1), overridable. */
import type { Options } from '../../src/model.js';

export const DEFAULT_MUTATE = [
  'src/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}',
  '!src/**/*.{test,spec}.*',
  '!src/**/__tests__/**',
  '!src/**/*.d.ts',
];

export function testOptions(projectRoot: string, overrides: Partial<Options> = {}): Options {
  return {
    projectRoot,
    mutate: DEFAULT_MUTATE,
    ignorePatterns: [],
    testRunner: 'vitest',
    vitest: {},
    coverageAnalysis: 'perTest',
    concurrency: 1,
    timeoutMS: 5000,
    timeoutFactor: 1.5,
    thresholds: { high: 80, low: 60, break: null },
    mutator: { excludedMutations: [] },
    reporters: [],
    jsonReportFile: 'reports/mutation/mutation.json',
    checkers: [],
    tsconfigFile: 'tsconfig.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    equivalenceFilter: true,
    disableBail: false,
    ignoreStatic: false,
    isolation: 'batch',
    memoryLimitMb: 1024,
    modules: {},
    ratchet: { enabled: false, baseline: 'assay-baseline.json', tolerance: 0 },
    historyFile: 'reports/assay-history.jsonl',
    incremental: { enabled: false, file: 'reports/assay-incremental.json', resume: false, force: false },
    ...overrides,
  };
}
