/** Mutants and dry runs, built small, for the plan stage's unit tests. */
import type { DryRunResult } from '../../../src/dry-run/index.js';
import type { Mutant } from '../../../src/model.js';

export const options = { coverageAnalysis: 'perTest', ignoreStatic: false } as const;

export function mutant(id: number): Mutant {
  return {
    id,
    fileName: 'src/a.ts',
    mutatorName: 'EqualityOperator',
    start: 0,
    end: 1,
    replacement: 'x',
    placement: 'expression',
    location: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
  };
}

/** A dry run: tests by id with their project, file and duration, and the mutants each reached. */
export function dry(tests: Record<string, { project: string; moduleId: string; ms: number; reached: number[] }>, extra: Partial<DryRunResult> = {}): DryRunResult {
  return {
    tests: Object.entries(tests).map(([id, t]) => ({ id, name: id, fileName: t.moduleId, durationMs: t.ms })),
    testFile: Object.fromEntries(Object.entries(tests).map(([id, t]) => [id, { project: t.project, moduleId: t.moduleId }])),
    coverage: Object.fromEntries(Object.entries(tests).map(([id, t]) => [id, t.reached])),
    staticIn: {},
    hits: {},
    fileHits: {},
    waitMs: {},
    durationMs: 10,
    threads: 'shared',
    testFiles: { related: 1, found: 1 },
    flaky: [],
    flakyFile: {},
    flakyCoverage: {},
    imports: { loaded: {}, configFiles: [] },
    ...extra,
  };
}
