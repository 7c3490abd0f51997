/**
 * Weak tests: tests that reach mutants but kill none of them — they run code without checking
 * it. Only known when every covering test ran against every mutant (disableBail); with bail a
 * mutant stops at its first failing test, so other tests' kills are unknown.
 */
import type { RunResult, TestInfo } from '../model.js';

export interface WeakTest extends TestInfo {
  /** Mutants the test reached that were run (killed or survived). */
  reached: number;
}

export function weakTests(result: RunResult): WeakTest[] {
  if (!result.disableBail) return [];
  const reached = new Map<string, number>();
  const killers = new Set<string>();
  for (const mutant of result.mutants) {
    if (mutant.status !== 'Killed' && mutant.status !== 'Survived') continue;
    mutant.coveredBy.forEach((id) => reached.set(id, (reached.get(id) ?? 0) + 1));
    mutant.killedBy.forEach((id) => killers.add(id));
  }
  return result.tests
    .filter((test) => reached.has(test.id) && !killers.has(test.id))
    .map((test) => ({ ...test, reached: reached.get(test.id) ?? 0 }));
}
