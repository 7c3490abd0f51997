/**
 * `--shard i/n`: keeps, of a run's plan, the mutants of shard i of n, so that n CI jobs, each on
 * its own machine, run disjoint parts of the mutants and `assay merge` joins their reports.
 *
 * Every shard runs the dry run and the coverage pass on the whole suite, plans every mutant, and
 * partitions them all (see partition.ts) by an expected cost that is the same on every machine:
 * by default the number of planned test executions of the mutant (for a static mutant, every test
 * of the files that load it), and 0 for mutants settled without a run (NoCoverage, Ignored, not
 * placeable). A mutant the type check rejects is planned as a run (the check goes on beside the
 * runs, check/beside-runs.ts), and counts as one. Dry-run durations are not used: they differ
 * between machines, and a partition computed from them would differ too. `costOf` is the hook for a better estimate that is equally
 * shared, such as the times an incremental store measured in the last run.
 */
import type { Mutant, MutantResult, Shard, ShardInfo } from '../model.js';
import type { MutantRun, Plan } from '../plan/index.js';
import { mutantSetFingerprint, partitionFingerprint } from './fingerprint.js';
import { partition } from './partition.js';

/**
 * A mutant's expected cost, given its planned run (undefined when it is settled without one).
 * It must come out the same on every shard's machine, and in one unit for all mutants.
 */
export type CostOf = (mutant: Mutant, run: MutantRun | undefined) => number;

/** The default cost: how many test executions the mutant's run is planned to take; 0 without a run. */
export const plannedTestsCost: CostOf = (_mutant, run) => run?.plannedTests ?? 0;

/** A plan narrowed to one shard, with what `assay merge` needs to check the shards belong together. */
export interface ShardPlan extends Plan {
  /** Absent without `--shard`. */
  shard?: ShardInfo;
}

export interface ShardContext {
  /** Every file of the run (with or without mutants). */
  files: ReadonlyArray<{ name: string; text: string }>;
  /** After `--since`: the merge-base, part of the fingerprint. */
  sinceBase?: string;
  /** `--shard i/n`; the whole plan when absent. */
  shard?: Shard;
}

/**
 * The plan of shard `context.shard`: its runs and its settled mutants (`extraSettled`, e.g. the
 * mutants the instrumenter could not place, count as settled). Without a shard, the whole plan.
 */
export function shardPlan(plan: Plan, extraSettled: readonly MutantResult[], context: ShardContext, costOf: CostOf = plannedTestsCost): ShardPlan {
  const settled = [...plan.settled, ...extraSettled];
  const { shard } = context;
  if (shard === undefined) return { runs: plan.runs, settled };
  const items = [
    ...plan.runs.map((run) => ({ id: run.mutant.id, cost: costOf(run.mutant, run) })),
    ...settled.map((result) => ({ id: result.id, cost: costOf(result, undefined) })),
  ];
  const shards = partition(items, shard.count);
  const mine = new Set(shards[shard.index - 1]);
  const mutants: Mutant[] = [...plan.runs.map((run) => run.mutant), ...settled];
  return {
    runs: plan.runs.filter((run) => mine.has(run.mutant.id)),
    settled: settled.filter((result) => mine.has(result.id)),
    shard: {
      index: shard.index,
      count: shard.count,
      mutants: items.length,
      fingerprint: mutantSetFingerprint(context.files, mutants, context.sinceBase),
      partition: partitionFingerprint(shards),
    },
  };
}
