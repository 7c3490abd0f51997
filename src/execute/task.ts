/**
 * What the coordinator sends a pool worker: one mutant, a batch of mutants in one vitest run, a
 * group of static mutants in one run (each active in its own test files), or a warm-up.
 */
import type { TestSelection, Threads } from '../vitest/session.js';

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
}

export interface StaticGroupTask {
  kind: 'static';
  /** The mutant active in each test file (absolute path). */
  activeByFile: Record<string, number>;
  hitLimits: Record<number, number>;
  selection: TestSelection[];
  /** Stop at the first failure (the session's bail): only for a group of one mutant, whom a failure settles. */
  bail: boolean;
}

/** Runs test files with no mutant active, for the threads they leave warm (warm-up.ts); its outcome is not used. */
export interface WarmUpTask {
  kind: 'warm-up';
  selection: TestSelection[];
}

export type WorkerTask = SingleTask | BatchTask | StaticGroupTask | WarmUpTask;

/**
 * What the pool runs: a task, the step limit every run shares (AssaySettings.stepLimit), and the
 * dry run's line of each test the task selects, by id (vitest 4.0 selects tests by line; empty
 * for a vitest that selects by id, whose dry run records no lines).
 */
export type WorkerMessage = WorkerTask & { stepLimit: number; lines: Record<string, number> };

/** A worker's answer when its project has a runner of its own, so batches cannot run there. */
export interface BatchUnsupported {
  batchUnsupported: true;
}
