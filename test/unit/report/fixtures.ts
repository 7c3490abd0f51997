/** Hand-built RunResult pieces for the report tests. */
import type {
  CoverageFigure,
  CoverageResult,
  FileCoverage,
  MutantResult,
  MutantStatus,
  RunResult,
} from '../../../src/model.js';

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
    flakyTests: [],
    mutants: [],
    thresholds: { high: 80, low: 60, break: null },
    durationMs: 1000,
    timings: { dryRunMs: 300, executeMs: 600, mutantsRun: 0, testMs: 0, concurrency: 2, threads: 'shared' },
    ...overrides,
  };
}

/** A coverage figure; pct as istanbul computes it (floored to two decimals, 100 when total is 0). */
export function figure(covered: number, total: number): CoverageFigure {
  return { covered, total, pct: total === 0 ? 100 : Math.floor((100_000 * covered) / total / 10) / 100 };
}

/**
 * One file's coverage. `lines` defaults to the figure `codeLines`/`uncoveredLines` imply; the other
 * figures default to 0 of 0.
 */
export function fileCoverage(overrides: Partial<FileCoverage> = {}): FileCoverage {
  const codeLines = overrides.codeLines ?? [];
  const uncoveredLines = overrides.uncoveredLines ?? [];
  return {
    lines: figure(codeLines.length - uncoveredLines.length, codeLines.length),
    branches: figure(0, 0),
    functions: figure(0, 0),
    statements: figure(0, 0),
    codeLines,
    uncoveredLines,
    ...overrides,
  };
}

/** A coverage pass result with the given per-file figures and nothing else. */
export function coverageResult(
  files: Record<string, FileCoverage>,
  overrides: Partial<CoverageResult> = {},
): CoverageResult {
  return { files, lineTests: {}, staticLines: {}, istanbul: {}, ...overrides };
}

/** A mutant whose start (and end) is on `line`. */
export function mutantOnLine(status: MutantStatus, line: number, overrides: Partial<MutantResult> = {}): MutantResult {
  return mutant(status, {
    location: { start: { line, column: 1 }, end: { line, column: 2 } },
    ...overrides,
  });
}
