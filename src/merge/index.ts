/**
 * `assay merge`: joins the shard files of one `--shard i/n` run into the RunResult a single full
 * run would have given, for every reporter and the thresholds to read.
 *
 * It refuses (UserError, one line) shards that do not make one whole run: of different counts or
 * fingerprints (other code, config or assay version), the same shard twice, a shard missing, an
 * interrupted shard, or shards that split the mutants differently (their initial test runs
 * reached different code, as a flaky suite makes happen).
 *
 * The whole run's data that every shard has (files, tests, coverage: every shard's coverage pass
 * ran the whole suite) comes from the lowest shard; coverage that differs between shards gets a
 * warning. Mutants are every shard's, sorted by id; flaky tests those any shard found. Timings:
 * work adds up across machines (execute time, mutants run, test time), while the dry run, the
 * concurrency and the wall time are the largest of any shard.
 */
import path from 'node:path';
import { UserError } from '../errors.js';
import type { CoverageResult, FlakyTest, RunResult, Thresholds } from '../model.js';
import type { ReadShard } from '../shard/shard-file.js';

export interface MergeTarget {
  /** Where the merged reports go: paths in coverage are moved there from the shards' project root. */
  projectRoot: string;
  /** The thresholds the merged run is judged by (the merge's own config and flags). */
  thresholds: Thresholds;
}

export interface Merged {
  result: RunResult;
  warnings: string[];
}

export function mergeShards(shards: readonly ReadShard[], target: MergeTarget): Merged {
  const ordered = checkShards(shards);
  const results = ordered.map((shard) => shard.file.result);
  const first = results[0];
  const mutants = results.flatMap((result) => result.mutants).sort((a, b) => a.id - b.id);
  checkMutants(mutants.map((mutant) => mutant.id), first.shard.mutants);
  const warnings: string[] = [];
  const differing = results.find((result) => result.coverage !== undefined && !sameCoverage(result.coverage, first.coverage));
  if (differing !== undefined) {
    warnings.push(
      `shards ${first.shard.index} and ${differing.shard.index} of ${first.shard.count} measured different coverage (a test that does not run the same code every time?): the reports show shard ${first.shard.index}'s`,
    );
  }
  const max = (pick: (result: RunResult) => number) => Math.max(...results.map(pick));
  const sum = (pick: (result: RunResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const result: RunResult = {
    projectRoot: target.projectRoot,
    files: first.files,
    tests: first.tests,
    flakyTests: unionOfFlaky(results.map((result) => result.flakyTests)),
    mutants,
    thresholds: target.thresholds,
    durationMs: max((result) => result.durationMs),
    ...(first.coverage && { coverage: reroot(first.coverage, first.projectRoot, target.projectRoot) }),
    disableBail: results.every((result) => result.disableBail === true),
    ...(first.since && { since: first.since }),
    timings: {
      dryRunMs: max((result) => result.timings.dryRunMs),
      executeMs: sum((result) => result.timings.executeMs),
      mutantsRun: sum((result) => result.timings.mutantsRun),
      testMs: sum((result) => result.timings.testMs),
      ...(results.some((result) => result.timings.coverageMs !== undefined) && { coverageMs: sum((result) => result.timings.coverageMs ?? 0) }),
      concurrency: max((result) => result.timings.concurrency),
      threads: results.some((result) => result.timings.threads === 'per-file') ? 'per-file' : 'shared',
    },
  };
  return { result, warnings };
}

/** The shards in index order, once each, all of one run; throws UserError naming what is wrong. */
function checkShards(shards: readonly ReadShard[]): ReadShard[] {
  if (shards.length === 0) throw new UserError('merge: no shard files given: give every reports/assay-shard-<i>-of-<n>.json');
  const [first] = shards;
  const count = first.file.count;
  for (const shard of shards) {
    if (shard.file.count !== count) {
      throw new UserError(
        `merge: ${first.label} is shard ${first.file.index} of ${count}, and ${shard.label} shard ${shard.file.index} of ${shard.file.count}: give the shard files of one run`,
      );
    }
    if (shard.file.fingerprint !== first.file.fingerprint) {
      throw new UserError(`merge: ${shard.label} and ${first.label} are shards of different runs (other code, config or assay version): give the shard files of one run`);
    }
  }
  const byIndex = new Map<number, ReadShard>();
  for (const shard of shards) {
    const other = byIndex.get(shard.file.index);
    if (other !== undefined) {
      throw new UserError(`merge: shard ${shard.file.index} of ${count} is given twice (${other.label} and ${shard.label}): give each shard once`);
    }
    byIndex.set(shard.file.index, shard);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    const which = missing.length === 1 ? `shard ${missing[0]} of ${count} is` : `shards ${listed(missing)} of ${count} are`;
    throw new UserError(`merge: ${which} missing: give all ${count} shard files`);
  }
  const ordered = [...byIndex.values()].sort((a, b) => a.file.index - b.file.index);
  for (const shard of ordered) {
    if (shard.file.result.interrupted === true || shard.file.result.mutants.some((mutant) => mutant.status === 'Pending')) {
      throw new UserError(`merge: shard ${shard.file.index} of ${count} (${shard.label}) was interrupted before all its mutants had a verdict: run that shard again`);
    }
  }
  const split = ordered.find((shard) => shard.file.result.shard.partition !== ordered[0].file.result.shard.partition);
  if (split !== undefined) {
    throw new UserError(
      `merge: shards ${ordered[0].file.index} and ${split.file.index} of ${count} split the mutants differently, as their initial test runs reached different code (a flaky test?): run the shards again`,
    );
  }
  return ordered;
}

/** Every mutant id from 1 to `total` exactly once (what agreeing partitions promise). */
function checkMutants(ids: readonly number[], total: number): void {
  const twice = ids.find((id, i) => i > 0 && ids[i - 1] === id);
  const missing = ids.length === total && twice === undefined ? undefined : Array.from({ length: total }, (_, i) => i + 1).find((id) => !ids.includes(id));
  if (twice !== undefined || missing !== undefined || ids.length !== total) {
    const what = twice !== undefined ? `mutant ${twice} is in two shards` : missing !== undefined ? `mutant ${missing} is in none` : `they hold ${ids.length} mutants, not ${total}`;
    throw new UserError(`merge: the shard files do not add up to one run (${what}): run the shards again, and merge their files unedited`);
  }
}

/** `[2, 3, 5]` → `2, 3 and 5`. */
function listed(values: readonly number[]): string {
  return values.length === 1 ? String(values[0]) : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}

/** Flaky tests any shard found, each once, in the order first seen. */
function unionOfFlaky(lists: readonly FlakyTest[][]): FlakyTest[] {
  const byId = new Map<string, FlakyTest>();
  for (const test of lists.flat()) if (!byId.has(test.id)) byId.set(test.id, test);
  return [...byId.values()];
}

/** Whether two coverage results say the same, whatever the order of keys and of the ids in each line's list. */
function sameCoverage(a: CoverageResult, b: CoverageResult | undefined): boolean {
  if (b === undefined) return false;
  const pick = (coverage: CoverageResult) => stable({ files: coverage.files, lineTests: coverage.lineTests, staticLines: coverage.staticLines });
  return pick(a) === pick(b);
}

/** JSON with object keys sorted and arrays of plain values sorted: equal data gives equal text. */
function stable(value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.map(stable);
    return `[${value.every((item) => typeof item !== 'object' || item === null) ? items.sort().join(',') : items.join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stable(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** istanbul's map is keyed by absolute path: the shards' project root becomes the merge's. */
function reroot(coverage: CoverageResult, from: string, to: string): CoverageResult {
  if (path.resolve(from) === path.resolve(to)) return coverage;
  const move = (file: string) => {
    const relative = path.relative(from, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : path.join(to, relative);
  };
  const istanbul = Object.fromEntries(
    Object.entries(coverage.istanbul).map(([file, data]) => {
      const moved = typeof data === 'object' && data !== null && 'path' in data ? { ...data, path: move(String(data.path)) } : data;
      return [move(file), moved];
    }),
  );
  return { ...coverage, istanbul };
}
