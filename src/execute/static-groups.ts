/**
 * Static mutants, several in one vitest run. A static mutant must be active while its modules
 * load, so it cannot join a batch (which switches mutants inside a running test file); but
 * static mutants whose test files do not overlap can share a run when files share a thread with
 * a fresh module graph each: every file loads with its own mutant active (`activeByFile`), and
 * each mutant's verdict is read from its own files only, as if it had run alone. A file that
 * found global state changed on arrival (left by an earlier file's mutant) says nothing, and its
 * mutant runs alone; so does every mutant of a run that ended in an error outside tests.
 * A group of one mutant stops at its first failure, as a run of the mutant alone does: a static
 * mutant tends to fail hundreds of tests, and each failure costs vitest far more than a passing test.
 */
import type { MutantRun } from '../plan/index.js';
import { fileKey, type RunOutcome } from '../vitest/session.js';
import type { StaticGroupTask } from './task.js';
import { isUnprovenTimeout, plannedOnly, verdictFor, type Settled } from './verdict.js';

export interface StaticGroup {
  runs: MutantRun[];
  task: StaticGroupTask;
  expectedMs: number;
}

/**
 * A run's test files by path: groups are disjoint by path, whatever the vitest project, because a
 * test thread knows which mutant to activate from its file's path alone.
 */
const filesOf = (run: MutantRun) => run.selection.map((selection) => selection.moduleId);

/** Groups of runs with pairwise disjoint test files, longest runs first, at most `maxSize` each. */
export function formStaticGroups(runs: readonly MutantRun[], maxSize: number): StaticGroup[] {
  const groups: { runs: MutantRun[]; files: Set<string> }[] = [];
  for (const run of [...runs].sort((a, b) => b.expectedMs - a.expectedMs)) {
    const files = filesOf(run);
    const group = groups.find((candidate) => candidate.runs.length < maxSize && files.every((file) => !candidate.files.has(file)));
    if (group === undefined) groups.push({ runs: [run], files: new Set(files) });
    else {
      group.runs.push(run);
      files.forEach((file) => group.files.add(file));
    }
  }
  return groups.map((group) => staticGroupOf(group.runs));
}

/** One group of the given runs, whose test files must not overlap. */
export function staticGroupOf(runs: MutantRun[]): StaticGroup {
  return {
    runs,
    expectedMs: runs.reduce((sum, run) => sum + run.expectedMs, 0),
    task: {
      kind: 'static',
      activeByFile: Object.fromEntries(runs.flatMap((run) => filesOf(run).map((file) => [file, run.mutant.id]))),
      hitLimits: Object.fromEntries(runs.map((run) => [run.mutant.id, run.hitLimit])),
      selection: runs.flatMap((run) => run.selection),
      bail: runs.length === 1,
    },
  };
}

/** Verdicts a group run settles, by mutant id; the mutants left out run alone. */
export function staticGroupVerdicts(runs: readonly MutantRun[], outcome: RunOutcome): Map<number, Settled> {
  const verdicts = new Map<number, Settled>();
  if (outcome.unhandledErrors.length > 0) return verdicts;
  for (const run of runs) {
    const files = new Set(run.selection.map(fileKey));
    const own: RunOutcome = { ...plannedOnly(outcome, run.selection), unhandledErrors: [] };
    if (own.files.some((file) => file.leaked.length > 0)) continue;
    const verdict = verdictFor(own, run.plannedTests);
    if ('retry' in verdict || isUnprovenTimeout(verdict)) continue;
    // Without a file's report, only a failure (after which bail may have ended the run) stands.
    if (own.files.length < files.size && verdict.status !== 'Killed' && verdict.status !== 'Timeout') continue;
    verdicts.set(run.mutant.id, verdict);
  }
  return verdicts;
}
