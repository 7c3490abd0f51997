/**
 * Forms batches: mutants of the same file (which the same tests tend to reach) are run together
 * in one vitest run, each planned test repeated once per mutant of the batch that it reaches.
 * Static mutants stay out: they need their modules loaded again with the mutant active.
 */
import type { MutantRun } from '../plan/index.js';
import type { TestSelection } from '../vitest/session.js';
import { NO_MUTANT } from '../vitest/settings.js';
import type { BatchTask } from './task.js';

export interface Batch {
  runs: MutantRun[];
  task: BatchTask;
  /** Expected test time of the whole batch: every (test, mutant) pair plus the canaries. */
  expectedMs: number;
}

export interface TestFacts {
  /** Dry-run duration of each test, by id. */
  duration: ReadonlyMap<string, number>;
  /** Mutants each test reached in the dry run, by id. */
  coverage: Readonly<Record<string, number[]>>;
}

export function formBatches(runs: readonly MutantRun[], batchSize: number, tests: TestFacts): Batch[] {
  const byFile = new Map<string, MutantRun[]>();
  for (const run of runs) {
    const list = byFile.get(run.mutant.fileName);
    if (list) list.push(run);
    else byFile.set(run.mutant.fileName, [run]);
  }
  const batches: Batch[] = [];
  for (const fileRuns of byFile.values()) {
    for (let i = 0; i < fileRuns.length; i += batchSize) batches.push(batchOf(fileRuns.slice(i, i + batchSize), tests));
  }
  return batches;
}

function batchOf(runs: MutantRun[], tests: TestFacts): Batch {
  const plan: Record<string, number[]> = {};
  const hitLimits: Record<number, number> = {};
  const testsByModule = new Map<string, Set<string>>();
  for (const run of runs) {
    hitLimits[run.mutant.id] = run.hitLimit;
    for (const { moduleId, testIds } of run.selection) {
      const tests = testsByModule.get(moduleId) ?? new Set<string>();
      testsByModule.set(moduleId, tests);
      for (const id of testIds ?? []) {
        tests.add(id);
        (plan[id] ??= []).push(run.mutant.id);
      }
    }
  }
  for (const mutants of Object.values(plan)) mutants.push(NO_MUTANT);
  const selection: TestSelection[] = [...testsByModule].map(([moduleId, ids]) => ({ moduleId, testIds: [...ids] }));
  const expectedMs = Object.entries(plan).reduce((sum, [id, mutants]) => sum + mutants.length * (tests.duration.get(id) ?? 0), 0);
  const expected = Object.fromEntries(Object.keys(plan).map((id) => [id, tests.coverage[id] ?? []]));
  return { runs, task: { kind: 'batch', plan, hitLimits, expected, selection }, expectedMs };
}
