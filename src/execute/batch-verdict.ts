/**
 * Verdicts from a batch run. A mutant gets one only from clean evidence: a record with the
 * mutant active from a test whose canary run (no mutant) passed. The first such test in run order
 * that did not pass decides, as it does in a run of the mutant alone that stops at the first
 * failure: a failure makes it Killed (by every test that failed), the hit limit makes it a
 * Timeout. Other planned tests may have no record: with bail on, the batch runner skips a
 * mutant's tests after that one, in its file and in the thread's later files, whose order in the
 * outcome need not be the order they ran in; and a failure or a proven timeout stands whatever
 * ran before it. Survived needs a passing record from every planned test.
 * vitest's own test timeout gives a Timeout the hit limit did not prove, which the caller has a run
 * of the mutant's own confirm. A repeat before the deciding test that never reached the mutant,
 * or an error outside tests, leaves the mutant unresolved, to be run on its own; so does a missing
 * record (no record, a failed canary, a test file that found global state changed by an earlier
 * file in its thread) where no record decides.
 */
import type { MutantRun } from '../plan/index.js';
import { fileKey, type RunOutcome } from '../vitest/session.js';
import { NO_MUTANT } from '../vitest/settings.js';
import type { Settled } from './verdict.js';

export function batchVerdicts(runs: readonly MutantRun[], outcome: RunOutcome): Map<number, Settled> {
  const verdicts = new Map<number, Settled>();
  if (outcome.unhandledErrors.length > 0 || outcome.files.some((file) => file.errors.length > 0)) return verdicts;
  // In the order vitest ran the tests, so the first test to notice a mutant decides between
  // Killed and Timeout, as it does in a run of the mutant alone that stops at the first failure.
  const order = new Map(outcome.tests.map((test, index) => [test.id, index]));
  const records = new Map<string, Map<number, [string, string?]>>();
  const leaked = new Set(outcome.files.filter((file) => file.leaked.length > 0).map(fileKey));
  for (const test of outcome.tests) {
    if (leaked.has(fileKey(test))) continue;
    const byMutant = new Map((test.batch ?? []).map(([mutant, result, error]) => [mutant, [result, error] as [string, string?]]));
    if (byMutant.get(NO_MUTANT)?.[0] === 'pass') records.set(test.id, byMutant);
  }
  for (const run of runs) {
    const planned = run.selection
      .flatMap((selection) => selection.testIds ?? [])
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const results = planned.map((testId) => [testId, records.get(testId)?.get(run.mutant.id)] as const);
    const first = results.find(([, result]) => result !== undefined && result[0] !== 'pass') ?? results.find(([, result]) => result === undefined);
    const decisive = first?.[1]?.[0];
    if (first !== undefined && decisive !== 'fail' && decisive !== 'timeout' && decisive !== 'slow') continue;
    const testsCompleted = results.filter(([, result]) => result !== undefined).length;
    if (first === undefined) verdicts.set(run.mutant.id, { status: 'Survived', killedBy: [], testsCompleted });
    else if (decisive === 'timeout' || decisive === 'slow') verdicts.set(run.mutant.id, { status: 'Timeout', statusReason: first[1]?.[1], killedBy: [], testsCompleted });
    else {
      const failed = results.filter(([, result]) => result?.[0] === 'fail');
      verdicts.set(run.mutant.id, { status: 'Killed', statusReason: first[1]?.[1], killedBy: failed.map(([id]) => id), testsCompleted });
    }
  }
  return verdicts;
}
