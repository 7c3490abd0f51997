/**
 * Flaky tests: tests whose result changes between two runs of the same code. A flaky test cannot
 * tell a mutant from chance, so it kills no mutant: it is taken out of the plan, and a mutant only
 * flaky tests reach is NoCoverage (with the reason). Two runs find them: a test that fails in the
 * dry run is run once more (it passes: flaky; it fails again: the suite fails), and a test that
 * passed in the dry run but fails in the coverage pass (the suite's second run) is flaky too.
 */
import type { FlakyTest } from '../model.js';
import { fileKey, relativeName, type RunOutcome, type TestOutcome, type TestSelection, type TestState } from '../vitest/session.js';
import type { DryRunResult } from './index.js';
import type { SuiteRuns } from './on-pool.js';

export const FAILED_THEN_PASSED = 'failed, then passed when run again';
export const PASSED_THEN_FAILED = 'passed, then failed in a second run';
const RAN: ReadonlySet<TestState> = new Set(['passed', 'failed']);

/**
 * Runs the failed tests of `outcome` once more, each file in a fresh thread. Returns the outcome
 * without the tests that passed this time (the flaky ones), and those tests as they ran again.
 * A run with errors outside tests is returned as it is: it fails whatever the tests do.
 */
export async function confirmFailures(
  runs: SuiteRuns,
  outcome: RunOutcome,
): Promise<{ outcome: RunOutcome; flaky: TestOutcome[] }> {
  const failed = outcome.tests.filter((test) => test.state === 'failed');
  if (failed.length === 0 || outcome.unhandledErrors.length > 0 || outcome.files.some((file) => file.errors.length > 0)) return { outcome, flaky: [] };
  const byFile = new Map<string, TestSelection>();
  for (const test of failed) {
    const key = fileKey(test);
    const selection = byFile.get(key) ?? { project: test.project, moduleId: test.moduleId, testIds: [] };
    selection.testIds?.push(test.id);
    byFile.set(key, selection);
  }
  const again = await runs.run([...byFile.values()], { threads: 'per-file', noBail: true });
  const flaky = again.tests.filter((test) => test.state === 'passed' && failed.some((first) => first.id === test.id));
  const flakyIds = new Set(flaky.map((test) => test.id));
  return { outcome: { ...outcome, tests: outcome.tests.filter((test) => !flakyIds.has(test.id)) }, flaky };
}

/** A flaky test as it ran in a run where it passed, and how it showed. */
export interface FlakyOutcome {
  test: TestOutcome;
  reason: string;
}

/**
 * Two runs of the whole suite: the second without the tests whose result differs from the first
 * (each taken from the run in which it passed), and those tests.
 */
export function withoutFlipped(first: RunOutcome, second: RunOutcome): { outcome: RunOutcome; flaky: FlakyOutcome[] } {
  const before = new Map(first.tests.map((test) => [test.id, test]));
  const flaky: FlakyOutcome[] = [];
  for (const test of second.tests) {
    const earlier = before.get(test.id);
    // Only a test that ran both times flips: one a bail skipped, or the test's own `skip`, did not run.
    if (earlier === undefined || earlier.state === test.state || !RAN.has(earlier.state) || !RAN.has(test.state)) continue;
    flaky.push(earlier.state === 'failed' ? { test, reason: FAILED_THEN_PASSED } : { test: earlier, reason: PASSED_THEN_FAILED });
  }
  const ids = new Set(flaky.map(({ test }) => test.id));
  return { outcome: { ...second, tests: second.tests.filter((test) => !ids.has(test.id)) }, flaky };
}

export function flakyTest(test: TestOutcome, projectRoot: string, reason: string): FlakyTest {
  return { id: test.id, name: test.name, fileName: relativeName(projectRoot, test.moduleId), reason };
}

/** The dry run with `ids` (tests it saw pass) moved to its flaky tests. */
export function withFlaky(dry: DryRunResult, ids: ReadonlySet<string>, reason: string): DryRunResult {
  const keep = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => !ids.has(id)));
  const moved = dry.tests.filter((test) => ids.has(test.id));
  return {
    ...dry,
    tests: dry.tests.filter((test) => !ids.has(test.id)),
    testFile: keep(dry.testFile),
    coverage: keep(dry.coverage),
    flaky: [...dry.flaky, ...moved.map(({ id, name, fileName }) => ({ id, name, fileName, reason }))],
    flakyFile: { ...dry.flakyFile, ...Object.fromEntries(moved.map((test) => [test.id, dry.testFile[test.id]])) },
    flakyCoverage: { ...dry.flakyCoverage, ...Object.fromEntries(moved.map((test) => [test.id, dry.coverage[test.id] ?? []])) },
  };
}
