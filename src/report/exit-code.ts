/**
 * The `thresholds.break` check that decides the exit code. As in StrykerJS, the unrounded
 * total mutation score is compared, and an undefined score (no valid mutant) never fails.
 */
import type { RunResult } from '../model.js';
import { formatScore, scoreMutants } from './scores.js';

/** A message when the total mutation score is below `thresholds.break`, else undefined. */
export function breakThresholdFailure(result: RunResult): string | undefined {
  const threshold = result.thresholds.break;
  const score = scoreMutants(result.mutants).mutationScore;
  if (threshold === null || !(score < threshold)) return undefined;
  return `Final mutation score ${formatScore(score)} is under break threshold ${threshold}.`;
}
