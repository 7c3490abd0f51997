/** Hand-built RunResult pieces for the report tests. */
import type { MutantResult, MutantStatus, RunResult } from '../../../src/model.js';

let nextId = 1;

/** A mutant of `fileName` replacing text[start, end) on line 1 (column = start + 1). */
export function mutant(
  status: MutantStatus,
  overrides: Partial<MutantResult> & { fileName?: string } = {},
): MutantResult {
  const start = overrides.start ?? 0;
  const end = overrides.end ?? start + 1;
  return {
    id: nextId++,
    fileName: 'src/a.ts',
    mutatorName: 'EqualityOperator',
    start,
    end,
    replacement: 'x',
    placement: 'expression',
    location: { start: { line: 1, column: start + 1 }, end: { line: 1, column: end + 1 } },
    status,
    coveredBy: [],
    killedBy: [],
    testsCompleted: 0,
    static: false,
    ...overrides,
  };
}

/** `count` mutants with the given status. */
export function mutants(count: number, status: MutantStatus, fileName = 'src/a.ts'): MutantResult[] {
  return Array.from({ length: count }, () => mutant(status, { fileName }));
}

export function runResult(overrides: Partial<RunResult> = {}): RunResult {
  return {
    projectRoot: '/project',
    files: [],
    tests: [],
    mutants: [],
    thresholds: { high: 80, low: 60, break: null },
    durationMs: 1000,
    ...overrides,
  };
}
