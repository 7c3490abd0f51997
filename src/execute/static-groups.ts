/**
 * Static mutants, many in one vitest run. A static mutant must be active while its modules load,
 * so it cannot join a batch (which switches mutants inside a running test file); but a run in
 * which test files share a thread gives each file a fresh module graph, so a group's run lists
 * each mutant's test files, a file once per mutant that needs it, and every run of a file loads
 * with its own mutant active (`activeByFile`: the k-th run of a file in a test thread takes its
 * k-th mutant, and assay's runner records which one each run had, src/vitest/batch-runner.ts).
 * Each mutant's verdict is read from its own runs of files only (`FileOutcome.active`), as if it
 * had run alone, and each stops at its first failure as bail would stop a run of it alone
 * (AssaySettings.bail). A run of a file that found global state changed on
 * arrival (left by an earlier run's mutant) says nothing, and its mutant runs alone; so does every
 * mutant of a run that ended in an error outside tests, and one that timed out without the hit
 * limit proving it (that run of its own confirms the timeout).
 *
 * A vitest run costs about as much as loading a test file, and a static mutant mostly fails in the
 * first file it loads in (a changed constant fails whatever uses it): the group's mutants are
 * probed first (probes()), each in one file, and only those the probes did not settle run in all
 * their files, in groups of their own.
 */
import type { MutantRun } from '../plan/index.js';
import { fileKey, type RunOutcome, type TestSelection } from '../vitest/session.js';
import type { StaticGroupTask } from './task.js';
import { plannedOnly, verdictFor, type Settled } from './verdict.js';

export interface StaticGroup {
  runs: MutantRun[];
  task: StaticGroupTask;
  expectedMs: number;
  /** The most times the run lists one test file: each listing loads it again (see runBudget). */
  repeats: number;
  /** A group of one whose mutant timed out once already (in a batch or a group): a Timeout here is confirmed. */
  confirming?: boolean;
  /**
   * Probes (probes()): by mutant id, the whole run of each mutant probed here, which runs next
   * unless its probe settled it.
   */
  probeOf?: ReadonlyMap<number, MutantRun>;
}

/** Groups per worker: enough to balance the workers' load, few enough to share the run cost. */
const GROUPS_PER_WORKER = 4;
/** Test file listings a group may always hold: a vitest run costs about as much as loading a few. */
const MIN_LISTINGS = 4;

/**
 * Groups of at most `maxSize` runs, longest runs first, each listing about as many test files as
 * GROUPS_PER_WORKER groups per worker share (loading a file is most of what a group costs), and
 * at least MIN_LISTINGS unless one run lists more. Test files may repeat within a group.
 * `listings`: the files a run will list, where that is fewer than its selection (a run that is
 * probed first lists one, probes()).
 */
export function formStaticGroups(
  runs: readonly MutantRun[],
  limits: { maxSize: number; workers: number },
  listings: (run: MutantRun) => number = (run) => run.selection.length,
): StaticGroup[] {
  const total = runs.reduce((sum, run) => sum + listings(run), 0);
  const cap = Math.max(MIN_LISTINGS, Math.ceil(total / (limits.workers * GROUPS_PER_WORKER)));
  const groups: MutantRun[][] = [];
  let listed = 0;
  for (const run of [...runs].sort((a, b) => b.expectedMs - a.expectedMs)) {
    const current = groups.at(-1);
    if (current === undefined || current.length >= limits.maxSize || listed + listings(run) > cap) {
      groups.push([run]);
      listed = listings(run);
    } else {
      current.push(run);
      listed += listings(run);
    }
  }
  return groups.map(staticGroupOf);
}

/** One group of the given runs. */
export function staticGroupOf(runs: MutantRun[]): StaticGroup {
  const activeByFile: Record<string, number[]> = {};
  for (const run of runs) for (const file of run.selection) (activeByFile[fileKey(file)] ??= []).push(run.mutant.id);
  return {
    runs,
    expectedMs: runs.reduce((sum, run) => sum + run.expectedMs, 0),
    repeats: Math.max(0, ...Object.values(activeByFile).map((mutants) => mutants.length)),
    task: {
      kind: 'static',
      activeByFile,
      hitLimits: Object.fromEntries(runs.map((run) => [run.mutant.id, run.hitLimit])),
      selection: runs.flatMap((run) => run.selection),
      bail: runs.length === 1,
    },
  };
}

/**
 * The group with each static mutant of several test files cut down to one file, its probe: a
 * failure there settles the mutant, as bail would stop a run of all its files at that failure, at
 * the cost of loading one file instead of all. Otherwise (it passed there, or nothing is proven) all
 * its files run next, unless by then another file has killed one of the module's static mutants:
 * that file is probed first. The probe is the file that has killed most static mutants of the
 * same module so far in this run (`killers`: per mutated file, counts by fileKey) and was not
 * probed for this mutant yet (`tried`: fileKeys by mutant id); before anything was killed, the one
 * the plan put first (whose tests reach the module most, plan/index.ts). A mutant whose probes
 * have all missed, with no new killer to try, runs whole. Undefined when no mutant needs a probe.
 */
export function probes(
  group: StaticGroup,
  killers: ReadonlyMap<string, ReadonlyMap<string, number>>,
  tried: ReadonlyMap<number, ReadonlySet<string>>,
): StaticGroup | undefined {
  if (group.probeOf !== undefined || group.confirming === true) return undefined;
  const probeOf = new Map<number, MutantRun>();
  const runs = group.runs.map((run) => {
    if (!needsProbe(run)) return run;
    const probe = probeFile(run, killers.get(run.mutant.fileName), tried.get(run.mutant.id));
    if (probe === undefined) return run;
    probeOf.set(run.mutant.id, run);
    return { ...run, selection: [probe], plannedTests: probe.testIds?.length ?? 0 };
  });
  return probeOf.size === 0 ? undefined : { ...staticGroupOf(runs), probeOf };
}

/** A static mutant of several test files: probed in one of them before it runs in all (probes()). */
export function needsProbe(run: MutantRun): boolean {
  return run.static && run.selection.length > 1;
}

/** The file to probe `run` in (see probes()), if any is left. */
function probeFile(run: MutantRun, counts: ReadonlyMap<string, number> | undefined, tried: ReadonlySet<string> | undefined): TestSelection | undefined {
  const killed = (file: TestSelection) => counts?.get(fileKey(file)) ?? 0;
  const untried = run.selection.filter((file) => !tried?.has(fileKey(file)));
  const best = untried.reduce<TestSelection | undefined>((most, file) => (killed(file) > (most === undefined ? 0 : killed(most)) ? file : most), undefined);
  if (best !== undefined) return best;
  return tried === undefined || tried.size === 0 ? run.selection[0] : undefined;
}

/** What one vitest run of a group runs: some of its listings, and their mutants. */
export type GroupPart = Pick<StaticGroupTask, 'selection' | 'activeByFile'>;

/**
 * The group's listings by vitest project, one run each. A test thread counts the runs of each
 * file it starts (src/vitest/setup.ts), and vitest gives all of a project's files to one thread
 * (which shares them, as the group's run asks) only in a run that holds no other project.
 */
export function projectParts(task: StaticGroupTask): GroupPart[] {
  const parts = new Map<string, GroupPart>();
  for (const file of task.selection) {
    const part = parts.get(file.project) ?? { selection: [], activeByFile: {} };
    parts.set(file.project, part);
    part.selection.push(file);
    part.activeByFile[fileKey(file)] = task.activeByFile[fileKey(file)];
  }
  return [...parts.values()];
}

/** The group's listings in rounds: the k-th run of each file in round k (for a vitest without assay's runner, which cannot tell a file's runs apart). */
export function fileRounds(task: StaticGroupTask): GroupPart[] {
  const rounds: GroupPart[] = [];
  for (const { file, key, run, mutant } of listingsOf(task)) {
    rounds[run] ??= { selection: [], activeByFile: {} };
    rounds[run].selection.push(file);
    rounds[run].activeByFile[key] = [mutant];
  }
  return rounds;
}

/** Each listing of `part` in order: its file's key, which run of the file it is (from 0), and the mutant that run has. */
function listingsOf(part: GroupPart): Array<{ file: TestSelection; key: string; run: number; mutant: number }> {
  const runs = new Map<string, number>();
  return part.selection.map((file) => {
    const key = fileKey(file);
    const run = runs.get(key) ?? 0;
    runs.set(key, run + 1);
    return { file, key, run, mutant: part.activeByFile[key][run] };
  });
}

/**
 * The mutants a part's run saw fail (a failed test, or a file that failed to load, with the
 * mutant active): with bail, the group's later parts leave them out (withoutDecided), as bail
 * ends a run of the mutant alone at its first failure.
 */
export function failedMutants(outcome: RunOutcome): Set<number> {
  const failed = new Set<number>();
  for (const test of outcome.tests) if (test.state === 'failed' && test.active !== undefined) failed.add(test.active);
  for (const file of outcome.files) if (file.errors.length > 0 && file.active !== undefined) failed.add(file.active);
  return failed;
}

/** `part` without the listings of `decided` mutants (see failedMutants); each file's other listings keep their mutants, in order. */
export function withoutDecided(part: GroupPart, decided: ReadonlySet<number>): GroupPart {
  if (decided.size === 0) return part;
  const left: GroupPart = { selection: [], activeByFile: {} };
  for (const { file, key, mutant } of listingsOf(part)) {
    if (decided.has(mutant)) continue;
    left.selection.push(file);
    (left.activeByFile[key] ??= []).push(mutant);
  }
  return left;
}

/**
 * Verdicts a group run gives, by mutant id; the mutants left out run alone. A Timeout the hit
 * limit did not prove is among them: the caller has it confirmed by a run of its own.
 */
export function staticGroupVerdicts(runs: readonly MutantRun[], outcome: RunOutcome): Map<number, Settled> {
  const verdicts = new Map<number, Settled>();
  if (outcome.unhandledErrors.length > 0) return verdicts;
  for (const run of runs) {
    const id = run.mutant.id;
    const mine: RunOutcome = { tests: outcome.tests.filter((test) => test.active === id), files: outcome.files.filter((file) => file.active === id), unhandledErrors: [] };
    const own = plannedOnly(mine, run.selection);
    if (own.files.some((file) => file.leaked.length > 0)) continue;
    const verdict = verdictFor(own, run.plannedTests);
    if ('retry' in verdict) continue;
    // Without a file's report, only a failure (after which bail may have ended the run) stands.
    if (own.files.length < run.selection.length && verdict.status !== 'Killed' && verdict.status !== 'Timeout') continue;
    verdicts.set(id, verdict);
  }
  return verdicts;
}
