/**
 * The dry run's runs, on the execute stage's pool (src/execute/worker.ts): each worker runs a
 * share of the test files in its own vitest session, so the test threads the mutants will run
 * in are the ones that just ran the suite — started, their environment set up and the tests'
 * dependencies imported — and no session or thread of the dry run's own is started beside them
 * (on a suite whose dependencies are slow to import, each extra thread costs seconds and
 * hundreds of MB).
 *
 * A run is cut into a few shares per worker, heaviest first (by file size, a proxy for its
 * tests), so a worker that finishes early takes the next. What the test files loaded is read
 * from the module graphs of every worker that ran some of them, and joined.
 */
import { statSync } from 'node:fs';
import type { Piscina } from 'piscina';
import { fileKey, joinedOutcomes, type RunOptions, type RunOutcome, type TestFile, type TestSelection } from '../vitest/session.js';
import type { DryAnswer, SuiteAnswer, WorkerTask } from '../execute/task.js';
import { askPool } from '../execute/ask-pool.js';
import type { ImportGraph } from './import-graph.js';

/** What the dry run asks of the sessions that run it. */
export interface SuiteRuns {
  /** The test files a run of the whole suite runs (the related ones), and how many vitest found. */
  suite(): Promise<SuiteAnswer>;
  /**
   * Runs `selection` (every test of each file unless ids are given) with no mutant active. Without
   * `noBail` the session's bail stands where each file gets a fresh thread; where files share
   * threads vitest's bail is off either way (session.ts), so their threads serve the mutant runs.
   */
  run(selection: TestSelection[], options: RunOptions): Promise<RunOutcome>;
  /** What each of `testFiles` loaded in the runs so far, and the config files (import-graph.ts). */
  imports(testFiles: readonly TestFile[]): ImportGraph;
}

/** Shares per worker in one run: enough for the workers to finish together, few enough that each run's own cost stays small. */
const SHARES_PER_WORKER = 3;

export function suiteRunsOnPool(pool: Piscina): SuiteRuns {
  let suite: Promise<SuiteAnswer> | undefined;
  // Each test's line, from the runs so far: how vitest 4.0 selects tests (vitest/selection.ts).
  const lines = new Map<string, number>();
  const loaded = new Map<string, Set<string>>();
  const configFiles = new Set<string>();
  const linesOf = (share: readonly TestSelection[]) =>
    Object.fromEntries(share.flatMap((file) => file.testIds ?? []).flatMap((id) => (lines.has(id) ? [[id, lines.get(id)!] as const] : [])));
  const ask = <T>(task: WorkerTask, lines: Record<string, number> = {}) => askPool<T>(pool, task, { lines });
  return {
    suite: () => (suite ??= ask<SuiteAnswer>({ kind: 'suite' })),
    async run(selection, { threads, noBail = false }) {
      const graphOf = (await this.suite()).files;
      const answers = await Promise.all(
        shares(selection, pool.options.maxThreads * SHARES_PER_WORKER).map((share) => ask<DryAnswer>({ kind: 'dry', selection: share, threads, noBail, graphOf }, linesOf(share))),
      );
      for (const { imports } of answers) {
        for (const [key, files] of Object.entries(imports.loaded)) {
          const known = loaded.get(key) ?? new Set<string>();
          files.forEach((file) => known.add(file));
          loaded.set(key, known);
        }
        imports.configFiles.forEach((file) => configFiles.add(file));
      }
      const outcome = joinedOutcomes(answers.map((answer) => answer.outcome));
      for (const test of outcome.tests) if (test.location !== undefined) lines.set(test.id, test.location.line);
      return outcome;
    },
    imports(testFiles) {
      const keys = new Set(testFiles.map(fileKey));
      return {
        loaded: Object.fromEntries([...loaded].filter(([key]) => keys.has(key)).map(([key, files]) => [key, [...files].sort()])),
        configFiles: [...configFiles].sort(),
      };
    },
  };
}

/** `selection` cut into at most `count` shares of about equal weight, heaviest share first. */
export function shares(selection: readonly TestSelection[], count: number): TestSelection[][] {
  const weighed = selection.map((file) => ({ file, weight: weightOf(file) })).sort((a, b) => b.weight - a.weight);
  const bins = Array.from({ length: Math.min(count, selection.length) }, () => ({ files: [] as TestSelection[], weight: 0 }));
  for (const { file, weight } of weighed) {
    const lightest = bins.reduce((least, bin) => (bin.weight < least.weight ? bin : least));
    lightest.files.push(file);
    lightest.weight += weight;
  }
  return bins.sort((a, b) => b.weight - a.weight).map((bin) => bin.files);
}

/** A test file's size on disk (at least 1), or its number of selected tests when ids are given. */
function weightOf(file: TestSelection): number {
  if (file.testIds !== undefined) return Math.max(1, file.testIds.length);
  try {
    return Math.max(1, statSync(file.moduleId).size);
  } catch {
    return 1;
  }
}
