/**
 * The control run: before the first verdict that rests on a run of selected tests alone — a single
 * mutant, a static group — planned tests run once through that same path (a single-mutant task)
 * with no mutant active. They passed in the dry run, so they must pass again; if they do not, the
 * machinery that selects and runs tests is broken here (as vitest 4.0's selection once was, which
 * made every mutant Killed), and every verdict of those runs would be wrong. The run then stops
 * with an InternalError instead. Batches need no control: each planned test there has a canary
 * repeat with no mutant active, and a failed canary sends its mutants to runs of their own.
 * A control costs one run of the cheapest planned selection; a failure is tried again on the next
 * cheapest selection of other test files (a test that only passes after others ran is the
 * project's quirk, not broken machinery), up to CONTROL_TRIES.
 */
import { InternalError } from '../errors.js';
import type { MutantRun } from '../plan/index.js';
import { fileKey } from '../vitest/session.js';
import type { Verdict } from './verdict.js';

export const CONTROL_TRIES = 3;

/** The runs whose selections a control runs, cheapest first, each on other test files than the ones before. */
export function controlRuns(runs: readonly MutantRun[]): MutantRun[] {
  // Static runs load whole files: the cheapest selections are among the others, when there are any.
  const ordered = [...runs].sort((a, b) => Number(a.static) - Number(b.static) || a.expectedMs - b.expectedMs);
  const chosen: MutantRun[] = [];
  const files = new Set<string>();
  for (const run of ordered) {
    if (chosen.length === CONTROL_TRIES) break;
    const own = run.selection.map(fileKey);
    if (own.some((key) => files.has(key))) continue;
    own.forEach((key) => files.add(key));
    chosen.push(run);
  }
  return chosen;
}

/** Whether a control's verdict (as verdictFor gives one for no mutant) shows the planned tests all ran and passed. */
export function controlPassed(verdict: Verdict): boolean {
  return 'status' in verdict && verdict.status === 'Survived';
}

/** The error that stops the run when every control failed; `problems` are what each try showed. */
export function controlFailure(problems: readonly string[]): InternalError {
  return new InternalError(
    `internal error: planned tests run with no mutant active did not pass as in the dry run (${problems.join('; ')}), ` +
      'so no verdict of this run could be trusted and none is reported: this is a bug in assay, please report it with your vitest version',
  );
}
