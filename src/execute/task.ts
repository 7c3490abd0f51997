/** What the coordinator sends a pool worker: one mutant, or a batch of mutants in one vitest run. */
import type { TestSelection } from '../vitest/session.js';

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
}

export type WorkerTask = SingleTask | BatchTask;

/** A worker's answer when its project has a runner of its own, so batches cannot run there. */
export interface BatchUnsupported {
  batchUnsupported: true;
}
