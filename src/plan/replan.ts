/**
 * Re-plan after late-found flaky tests: tests that passed in the dry run and failed in the
 * coverage pass may have decided verdicts already given. The mutants they reached are planned
 * again without them. A Killed (or Timeout…) verdict may have come from the flaky test, so that
 * mutant runs again; a Survived one stays Survived with fewer tests, unless no test is left to
 * reach it, when the new plan settles it (NoCoverage) without a run.
 */
import type { Mutant, MutantResult } from '../model.js';
import type { DryRunResult } from '../dry-run/index.js';
import { planMutants, type Plan, type PlanOptions } from './index.js';

export interface Replan extends Plan {
  /** Ids of the verdicts the runs and settled results replace. */
  replaced: Set<number>;
}

/** `dry` already names the `late` tests flaky. */
export function replanWithoutFlaky(executed: readonly MutantResult[], late: ReadonlySet<string>, mutants: readonly Mutant[], dry: DryRunResult, options: PlanOptions): Replan {
  const touched = executed.filter((result) => result.coveredBy.some((id) => late.has(id)));
  const touchedIds = new Set(touched.map((result) => result.id));
  const plan = planMutants(mutants.filter((mutant) => touchedIds.has(mutant.id)), dry, options);
  const survived = new Set(touched.filter((result) => result.status === 'Survived').map((result) => result.id));
  const runs = plan.runs.filter((run) => !survived.has(run.mutant.id));
  return { runs, settled: plan.settled, replaced: new Set([...runs.map((run) => run.mutant.id), ...plan.settled.map((result) => result.id)]) };
}
