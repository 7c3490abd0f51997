/**
 * What the coordinator sends a pool worker: one mutant, a batch of mutants in one vitest run, a
 * group of static mutants in one run (each active in its own test files), a part of the dry
 * run (dry-run/on-pool.ts): which test files the suite runs, or some of them run with no mutant
 * active, or the coverage pass (coverage/index.ts).
 */
import type { RunOutcome, TestFile, TestSelection, Threads } from '../vitest/session.js';
import type { ImportGraph } from '../dry-run/import-graph.js';
import type { CoverageTask } from '../coverage/index.js';

export interface SingleTask {
  kind: 'single';
  mutantId: number;
  hitLimit: number;
  selection: TestSelection[];
}

export interface BatchTask {
  kind: 'batch';
  /** Per test id, the mutants to run it against, in order, then NO_MUTANT (the canary). */
  plan: Record<string, number[]>;
  hitLimits: Record<number, number>;
  /** Per planned test, the mutants the dry run saw it reach (what its canary must reach). */
  expected: Record<string, number[]>;
  selection: TestSelection[];
  threads: Threads;
  /** Per test file (fileKey), a shorter vitest test timeout (test-timeouts.ts). */
  testTimeouts?: Record<string, number>;
}

export interface StaticGroupTask {
  kind: 'static';
  /** Per test file (fileKey), the mutant active in each of its runs, in the order `selection` lists the file. */
  activeByFile: Record<string, number[]>;
  hitLimits: Record<number, number>;
  /** Each mutant's test files in turn: a file is listed once per mutant that runs it. */
  selection: TestSelection[];
  /**
   * End the whole run at the first failure, where assay's runner is not in to stop each mutant at
   * its own (a project with a runner of its own): only for a group of one mutant, whom a failure settles.
   */
  bail: boolean;
  /** Per test file (fileKey), a shorter vitest test timeout (test-timeouts.ts); none in a run that confirms a timeout. */
  testTimeouts?: Record<string, number>;
}

/** The dry run's question: which test files a run of the suite runs (the related ones), of how many found. */
export interface SuiteTask {
  kind: 'suite';
}

/** Part of the dry run: test files run with every mutant compiled in and none active. */
export interface DryTask {
  kind: 'dry';
  selection: TestSelection[];
  threads: Threads;
  /** Run every test even after failures; else the session's bail, with which its mutant runs start their threads. */
  noBail: boolean;
  /** Every test file of the suite: what the answer's import graph is read for (all of them, so none of their modules counts as an orphan). */
  graphOf: TestFile[];
}

/**
 * Asked of a worker that has no work left for now while other workers still run: it ends its
 * parked test threads, so that the process does not hold them beside the threads still running
 * (a thread that loaded a large test dependency holds hundreds of MB).
 */
export interface RestTask {
  kind: 'rest';
}

/**
 * Answered once the worker's vitest session has started: asked of the waiting lane's worker
 * before each run, so that starting it (at first, or again after a run it had to abort) is not
 * counted in the run's wall-clock budget.
 */
export interface ReadyTask {
  kind: 'ready';
}

/** A task that runs mutants. */
export type MutantTask = SingleTask | BatchTask | StaticGroupTask;

export type WorkerTask = MutantTask | SuiteTask | DryTask | CoverageTask | RestTask | ReadyTask;

/**
 * What the pool runs: a task, the step limit every run shares (AssaySettings.stepLimit) and those
 * of the task's test files (by fileKey, AssaySettings.stepLimits), and the
 * dry run's line of each test the task selects, by id (vitest 4.0 selects tests by line; empty
 * for a vitest that selects by id, whose dry run records no lines).
 */
export type WorkerMessage = WorkerTask & { stepLimit: number; stepLimits?: Record<string, number>; lines: Record<string, number> };

/** What the coordinator sends to run mutants. */
export type MutantMessage = MutantTask & WorkerMessage;

/** A worker's answer when its project has a runner of its own, so batches cannot run there. */
export interface BatchUnsupported {
  batchUnsupported: true;
}

export interface SuiteAnswer {
  files: TestFile[];
  found: number;
}

/** A dry task's outcome, and what its worker's module graphs say the suite's test files loaded. */
export interface DryAnswer {
  outcome: RunOutcome;
  imports: ImportGraph;
}

/** A user's mistake (the vitest config fails to load, …), answered: the class of an error does not cross the thread boundary. */
export interface UserErrorAnswer {
  userError: string;
  exitCode: number;
}
