/**
 * Forms batches: consecutive mutants in file order (so mutants of one file, which the same tests
 * tend to reach, stay together) are run in one vitest run, each planned test repeated once per
 * mutant of the batch that it reaches. A vitest run has a fixed cost (about half a second here)
 * whatever it runs, so batches are as large as load balancing allows: about four per worker, by
 * count and by the test time the dry run makes them expect (mutants that every test reaches make
 * batches of a minute or more, which one worker would finish alone while the others wait).
 * Static mutants stay out: they need their modules loaded again with the mutant active.
 */
import type { MutantRun } from '../plan/index.js';
import { fileKey, type TestFile, type TestSelection, type Threads } from '../vitest/session.js';
import { NO_MUTANT } from '../vitest/settings.js';
import type { BatchTask } from './task.js';

export interface Batch {
  runs: MutantRun[];
  task: BatchTask;
  /** Expected test time of the whole batch: every (test, mutant) pair plus the canaries. */
  expectedMs: number;
  /** Of that, the time its tests wait (timers, I/O) rather than run (TestFacts.wait). */
  waitMs: number;
  /** Cut from a batch whose unhandled error named a suspect (src/execute/index.ts): a failure now halves it. */
  suspected?: boolean;
}

export interface TestFacts {
  /** Dry-run duration of each test, by id. */
  duration: ReadonlyMap<string, number>;
  /** Of that, how long each test waited (timers, I/O) rather than ran, by id (DryRunResult.waitMs); absent: none did. */
  wait?: ReadonlyMap<string, number>;
  /** Mutants each test reached in the dry run, by id. */
  coverage: Readonly<Record<string, number[]>>;
  /** Line of each test, by id, where the dry run recorded it (vitest 4.0: how runs select tests). */
  lines: ReadonlyMap<string, number>;
  /** Each test's file and project, by id. */
  files: Readonly<Record<string, TestFile>>;
}

/** Batches per worker: enough to balance the workers' load, few enough to share the run cost. */
const BATCHES_PER_WORKER = 4;
const MIN_BATCH = 20;
/** Expected test time below which a batch is never cut for time: there the run's own cost counts more. */
const MIN_BATCH_MS = 5000;

/** A batch's share of waiting (Batch.waitMs) from which it mostly waits, and the least expected time that repays the waiting lane's worker. */
const WAITING_SHARE = 0.5;
const MIN_WAITING_MS = 2000;

/** A batch whose tests mostly wait (real timers, I/O) rather than run, as the dry run measured them: the waiting lane may run it. */
export function mostlyWaits({ expectedMs, waitMs }: Pick<Batch, 'expectedMs' | 'waitMs'>): boolean {
  return expectedMs >= MIN_WAITING_MS && waitMs >= WAITING_SHARE * expectedMs;
}

/**
 * Batches of at most `maxSize` mutants, about BATCHES_PER_WORKER per worker by count (at least
 * MIN_BATCH mutants) and by expected test time (at least MIN_BATCH_MS).
 */
export function formBatches(
  runs: readonly MutantRun[],
  limits: { maxSize: number; workers: number },
  tests: TestFacts,
  threads: Threads,
): Batch[] {
  const share = limits.workers * BATCHES_PER_WORKER;
  const size = Math.min(limits.maxSize, Math.max(MIN_BATCH, Math.ceil(runs.length / share)));
  const timeCap = Math.max(MIN_BATCH_MS, runs.reduce((sum, run) => sum + run.expectedMs, 0) / share);
  const ordered = [...runs].sort((a, b) => (a.mutant.fileName < b.mutant.fileName ? -1 : a.mutant.fileName > b.mutant.fileName ? 1 : a.mutant.id - b.mutant.id));
  const batches: Batch[] = [];
  let current: MutantRun[] = [];
  let expected = 0;
  for (const run of ordered) {
    if (current.length > 0 && (current.length >= size || expected + run.expectedMs > timeCap)) {
      batches.push(batchOf(current, tests, threads));
      current = [];
      expected = 0;
    }
    current.push(run);
    expected += run.expectedMs;
  }
  if (current.length > 0) batches.push(batchOf(current, tests, threads));
  return batches;
}

/** One batch of the given runs. */
export function batchOf(runs: MutantRun[], tests: TestFacts, threads: Threads): Batch {
  const plan: Record<string, number[]> = {};
  const hitLimits: Record<number, number> = {};
  const testsByFile = new Map<string, { file: TestSelection; tests: Set<string> }>();
  for (const run of runs) {
    hitLimits[run.mutant.id] = run.hitLimit;
    for (const file of run.selection) {
      const key = fileKey(file);
      const tests = testsByFile.get(key)?.tests ?? new Set<string>();
      testsByFile.set(key, { file, tests });
      for (const id of file.testIds ?? []) {
        tests.add(id);
        (plan[id] ??= []).push(run.mutant.id);
      }
    }
  }
  for (const mutants of Object.values(plan)) mutants.push(NO_MUTANT);
  const selection: TestSelection[] = [...testsByFile.values()].map(({ file, tests: ids }) => ({ project: file.project, moduleId: file.moduleId, testIds: [...ids] }));
  const expectedMs = Object.entries(plan).reduce((sum, [id, mutants]) => sum + mutants.length * (tests.duration.get(id) ?? 0), 0);
  const waitMs = Object.entries(plan).reduce((sum, [id, mutants]) => sum + mutants.length * (tests.wait?.get(id) ?? 0), 0);
  const expected = Object.fromEntries(Object.keys(plan).map((id) => [id, tests.coverage[id] ?? []]));
  return { runs, task: { kind: 'batch', plan, hitLimits, expected, selection, threads }, expectedMs, waitMs };
}
