/**
 * Turns what vitest reported for one mutant run into a verdict. Survived is given only when every
 * planned test ran with the mutant active and passed; a run that completed fewer tests than
 * planned is not a verdict but an error to retry (design.md, "Verdict integrity").
 */
import type { MutantStatus } from '../model.js';
import { fileKey, type RunOutcome, type TestSelection } from '../vitest/session.js';
import { HIT_LIMIT_MARKER, VITEST_TIMEOUT } from '../vitest/settings.js';

export type Settled = { status: MutantStatus; statusReason?: string; killedBy: string[]; testsCompleted: number };
export type Verdict = Settled | { retry: string };

/**
 * A Timeout the hit limit did not prove (the wall clock, or vitest's own test timeout) may come
 * from a loaded machine rather than the mutant: a run of its own, given more time, decides.
 */
export function isUnprovenTimeout(verdict: Verdict): boolean {
  return 'status' in verdict && verdict.status === 'Timeout' && !verdict.statusReason?.includes(HIT_LIMIT_MARKER);
}

/**
 * What a run says of the tests `selection` planned: its files, and their planned tests only. A
 * run may select more (vitest 4.0 selects by line, see src/vitest/selection.ts); the tests it was
 * not asked for neither kill a mutant nor count as completed.
 */
export function plannedOnly(outcome: RunOutcome, selection: readonly TestSelection[]): RunOutcome {
  const planned = new Map(selection.map((file) => [fileKey(file), file.testIds === undefined ? undefined : new Set(file.testIds)]));
  return {
    tests: outcome.tests.filter((test) => {
      const key = fileKey(test);
      return planned.has(key) && (planned.get(key)?.has(test.id) ?? true);
    }),
    files: outcome.files.filter((file) => planned.has(fileKey(file))),
    unhandledErrors: outcome.unhandledErrors,
  };
}

/** The verdict of a run of `plannedOnly` tests, `plannedTests` of them. */
export function verdictFor(outcome: RunOutcome, plannedTests: number): Verdict {
  const ran = outcome.tests.filter((test) => test.state === 'passed' || test.state === 'failed');
  const failed = ran.filter((test) => test.state === 'failed');
  const fileErrors = outcome.files.flatMap((file) => file.errors);
  const errors = [...failed.flatMap((test) => test.errors), ...fileErrors, ...outcome.unhandledErrors];
  const testsCompleted = ran.length;

  const hitLimit =
    outcome.tests.some((test) => test.timedOut) ||
    outcome.files.some((file) => file.timedOut) ||
    errors.some((error) => error.includes(HIT_LIMIT_MARKER));
  if (hitLimit) {
    const reason = errors.find((error) => error.includes(HIT_LIMIT_MARKER)) ?? `${HIT_LIMIT_MARKER}: the mutant was reached more often than its hit limit`;
    return { status: 'Timeout', statusReason: reason, killedBy: [], testsCompleted };
  }
  const testTimeout = errors.find((error) => VITEST_TIMEOUT.test(error));
  if (testTimeout !== undefined) return { status: 'Timeout', statusReason: testTimeout, killedBy: [], testsCompleted };
  if (errors.length > 0) {
    return { status: 'Killed', statusReason: errors[0], killedBy: failed.map((test) => test.id), testsCompleted };
  }
  if (testsCompleted < plannedTests) {
    return { retry: `only ${testsCompleted} of ${plannedTests} planned tests ran with the mutant active` };
  }
  return { status: 'Survived', killedBy: [], testsCompleted };
}
