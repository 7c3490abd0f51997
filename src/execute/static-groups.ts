/**
 * Static mutants, several in one vitest run. A static mutant must be active while its modules
 * load, so it cannot join a batch (which switches mutants inside a running test file); but
 * static mutants whose test files do not overlap can share a run when files share a thread with
 * a fresh module graph each: every file loads with its own mutant active (`activeByFile`), and
 * each mutant's verdict is read from its own files only, as if it had run alone. A file that
 * found global state changed on arrival (left by an earlier file's mutant) says nothing, and its
 * mutant runs alone; so does every mutant of a run that ended in an error outside tests, and one
 * that timed out without the hit limit proving it (that run of its own confirms the timeout).
 * A group of one mutant stops at its first failure, as a run of the mutant alone does: a static
 * mutant tends to fail hundreds of tests, and each failure costs vitest far more than a passing test.
 */
import type { MutantRun } from '../plan/index.js';
import { fileKey, type RunOutcome } from '../vitest/session.js';
import type { StaticGroupTask } from './task.js';
import { plannedOnly, verdictFor, type Settled } from './verdict.js';

export interface StaticGroup {
  runs: MutantRun[];
  task: StaticGroupTask;
  expectedMs: number;
  /** A group of one whose mutant timed out once already (in a batch): a Timeout here is confirmed. */
  confirming?: boolean;
  /** A probe (probeOf()): the whole run, which runs next unless the probe settled it. */
  probeOf?: MutantRun;
  /** The whole run after its probe: not probed again. */
  probed?: boolean;
}

/**
 * A static mutant that many test files load runs first in only one of them: a failure there
 * settles it, as bail would stop a run of all its files at that failure, at the cost of loading one
 * file instead of all. Otherwise (it passed there, or nothing is proven) all its files run. The
 * probe is the file that has killed most static mutants of the same module so far in this run
 * (`killers`, by fileKey), else the one the plan put first (whose tests reach the module most,
 * plan/index.ts). Undefined for a mutant of one file.
 */
export function probeOf(run: MutantRun, killers: ReadonlyMap<string, number> | undefined): StaticGroup | undefined {
  if (run.selection.length < 2) return undefined;
  let probe = run.selection[0];
  for (const file of run.selection) if ((killers?.get(fileKey(file)) ?? 0) > (killers?.get(fileKey(probe)) ?? 0)) probe = file;
  return { ...staticGroupOf([{ ...run, selection: [probe], plannedTests: probe.testIds?.length ?? 0 }]), probeOf: run };
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

/**
 * Verdicts a group run gives, by mutant id; the mutants left out run alone. A Timeout the hit
 * limit did not prove is among them: the caller has it confirmed by a run of its own.
 */
export function staticGroupVerdicts(runs: readonly MutantRun[], outcome: RunOutcome): Map<number, Settled> {
  const verdicts = new Map<number, Settled>();
  if (outcome.unhandledErrors.length > 0) return verdicts;
  for (const run of runs) {
    const files = new Set(run.selection.map(fileKey));
    const own: RunOutcome = { ...plannedOnly(outcome, run.selection), unhandledErrors: [] };
    if (own.files.some((file) => file.leaked.length > 0)) continue;
    const verdict = verdictFor(own, run.plannedTests);
    if ('retry' in verdict) continue;
    // Without a file's report, only a failure (after which bail may have ended the run) stands.
    if (own.files.length < files.size && verdict.status !== 'Killed' && verdict.status !== 'Timeout') continue;
    verdicts.set(run.mutant.id, verdict);
  }
  return verdicts;
}
