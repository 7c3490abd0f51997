/** Mutant runs and vitest outcomes, built small, for the execute stage's unit tests. */
import type { MutantRun } from '../../../src/plan/index.js';
import { mutant } from '../plan/plans.js';
import type { FileOutcome, RunOutcome, TestOutcome } from '../../../src/vitest/session.js';
import type { BatchRecord } from '../../../src/vitest/settings.js';

export function run(id: number, fileName: string, tests: Record<string, string[]>): MutantRun {
  const selection = Object.entries(tests).map(([moduleId, testIds]) => ({ project: '', moduleId, testIds }));
  const plannedIds = selection.flatMap((s) => s.testIds);
  return {
    mutant: { ...mutant(id), fileName },
    selection,
    plannedTests: plannedIds.length,
    coveredBy: plannedIds,
    static: false,
    expectedMs: 0,
    hitLimit: 1000 + id,
  };
}

export function test(id: string, batch: BatchRecord[], fields: Partial<TestOutcome> = {}): TestOutcome {
  return { id, name: id, project: '', moduleId: '/t/a.test.ts', state: 'passed', durationMs: 1, errors: [], batch, ...fields };
}

export function outcome(tests: TestOutcome[], extra: Partial<RunOutcome> = {}): RunOutcome {
  return { tests, files: [{ project: '', moduleId: '/t/a.test.ts', errors: [], staticCoverage: [], hits: [], timedOut: false, leaked: [] }], unhandledErrors: [], ...extra };
}

/** `result` as a static group of one mutant reports it: every test and file ran with that mutant active. */
export function ranWith(active: number, result: RunOutcome): RunOutcome {
  return { ...result, tests: result.tests.map((test) => ({ ...test, active })), files: result.files.map((file) => ({ ...file, active })) };
}

/** A test file's outcome: no errors, nothing static, nothing leaked, unless `fields` say so. */
export function fileOutcome(moduleId: string, fields: Partial<FileOutcome> = {}): FileOutcome {
  return { project: '', moduleId, errors: [], staticCoverage: [], hits: [], timedOut: false, leaked: [], ...fields };
}
