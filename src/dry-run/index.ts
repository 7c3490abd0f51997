/**
 * Dry run: the suite once, with every mutant compiled in but none active. Records per test
 * its duration and the mutants it reaches, and which mutants are reached outside any test
 * (static: while modules load), per test file. Only the test files that can reach a file under
 * test run (vitest/related.ts): the others cannot reach a mutant. When none can, nothing runs and
 * every mutant is NoCoverage. It runs in the execute stage's pool workers (on-pool.ts), whose
 * test threads it leaves warm for the mutants.
 *
 * It also settles how test files get threads for the rest of the run. The fast path (isolation
 * "batch") tries shared threads first; a suite that fails that way, or whose files leave global
 * state behind for the next, runs again with a fresh thread per file, as vitest runs it, and
 * every later run does the same.
 */
import type { FlakyTest, Options, TestInfo } from '../model.js';
import { confirmFailures, flakyTest, withoutFlipped, FAILED_THEN_PASSED, type FlakyOutcome } from './flaky.js';
import { stripAnsi, UserError } from '../errors.js';
import { fileKey, relativeName, type RunOutcome, type TestFile, type Threads } from '../vitest/session.js';
import type { ImportGraph } from './import-graph.js';
import type { SuiteRuns } from './on-pool.js';

export interface DryRunResult {
  tests: TestInfo[];
  /** Each test's file (absolute path) and project, by test id. */
  testFile: Record<string, TestFile>;
  /** Mutant ids each test reaches, by test id. */
  coverage: Record<string, number[]>;
  /** Test files in which each mutant is reached outside any test, by mutant id. */
  staticIn: Record<number, TestFile[]>;
  /** Total hits per mutant id over the whole suite. */
  hits: Record<number, number>;
  /** Hits of any mutant per test file (fileKey), module load included. */
  fileHits: Record<string, number>;
  /** By test id: how long the test's thread sat waiting (timers, I/O) rather than running, in ms; tests that never waited are absent. */
  waitMs: Record<string, number>;
  durationMs: number;
  /** How test files get threads in every later run. */
  threads: Threads;
  /** Why shared threads were tried and given up, for the user. */
  sharedThreadsRefused?: string;
  /** Tests whose result changed between runs: in none of the maps above (see flaky.ts). */
  flaky: FlakyTest[];
  /** Each flaky test's file and project, and the mutants it reached, by test id. */
  flakyFile: Record<string, TestFile>;
  flakyCoverage: Record<string, number[]>;
  /** What each test file loaded, and the vitest config files: what verdicts depend on (import-graph.ts). */
  imports: ImportGraph;
  /** Test files that could reach the files under test, of those vitest found (typecheck-only ones aside). */
  testFiles: { related: number; found: number };
}

/** Exit code when the suite fails without any mutant active. */
export const INITIAL_RUN_FAILED_EXIT_CODE = 3;

/** `runs`: the sessions that run it, the execute stage's pool workers' (on-pool.ts). */
export async function dryRun(options: Options, runs: SuiteRuns): Promise<DryRunResult> {
  const started = Date.now();
  const { files: suite, found } = await runs.suite();
  const done = (dry: Omit<DryRunResult, 'imports' | 'testFiles'>): DryRunResult => {
    const testFiles = [...Object.values(dry.testFile), ...Object.values(dry.flakyFile), ...Object.values(dry.staticIn).flat()];
    return { ...dry, imports: runs.imports(testFiles), testFiles: { related: suite.length, found } };
  };
  if (suite.length === 0 && found > 0) {
    return done(summarise({ tests: [], files: [], unhandledErrors: [] }, [], options.projectRoot, Date.now() - started, options.isolation === 'batch' ? 'shared' : 'per-file'));
  }
  // A suite that passes as it is, or once its failed tests are run again (they are flaky).
  const passing = async (outcome: RunOutcome) => {
    const confirmed = await confirmFailures(runs, outcome);
    assertInitialRunPassed(confirmed.outcome, options.projectRoot);
    return { outcome: confirmed.outcome, flaky: confirmed.flaky.map((test) => ({ test, reason: FAILED_THEN_PASSED })) };
  };
  if (options.isolation === 'batch') {
    // Its test threads serve the mutant runs (on-pool.ts); a run that fails is followed by one
    // that goes to the end.
    const first = await runs.run(suite, { threads: 'shared' });
    const refused = sharedThreadsProblem(first, options.projectRoot);
    if (refused === undefined) {
      assertInitialRunPassed(first, options.projectRoot);
      return done(summarise(first, [], options.projectRoot, Date.now() - started, 'shared'));
    }
    // Failures with shared threads: the same run once more tells flaky tests (their result
    // flips) from tests that fail when files share a thread (they fail again).
    if (!first.files.some((file) => file.leaked.length > 0)) {
      const { outcome, flaky } = withoutFlipped(first, await runs.run(suite, { threads: 'shared', noBail: true }));
      if (sharedThreadsProblem(outcome, options.projectRoot) === undefined) {
        assertInitialRunPassed(outcome, options.projectRoot);
        return done(summarise(outcome, flaky, options.projectRoot, Date.now() - started, 'shared'));
      }
    }
    const { outcome: passed, flaky } = await passing(await runs.run(suite, { threads: 'per-file', noBail: true }));
    return done({ ...summarise(passed, flaky, options.projectRoot, Date.now() - started, 'per-file'), sharedThreadsRefused: refused });
  }
  const { outcome: passed, flaky } = await passing(await runs.run(suite, { threads: 'per-file', noBail: true }));
  return done(summarise(passed, flaky, options.projectRoot, Date.now() - started, 'per-file'));
}

/** Why this run, with files sharing threads, cannot stand for the suite; undefined when it can. */
function sharedThreadsProblem(outcome: RunOutcome, projectRoot: string): string | undefined {
  const leaking = outcome.files.find((file) => file.leaked.length > 0);
  if (leaking !== undefined) {
    const names = leaking.leaked.slice(0, 3).join(', ') + (leaking.leaked.length > 3 ? ', …' : '');
    return `test files leave global state behind for the next one (${names}, found by ${relativeName(projectRoot, leaking.moduleId)})`;
  }
  if (problemsOf(outcome, projectRoot).length > 0) return 'the suite fails when test files share a thread';
  return undefined;
}

function problemsOf(outcome: RunOutcome, projectRoot: string): string[] {
  return [
    ...outcome.files.flatMap((file) => file.errors.map((error) => `${relativeName(projectRoot, file.moduleId)}: ${error}`)),
    ...outcome.tests
      .filter((test) => test.state === 'failed')
      .map((test) => `${relativeName(projectRoot, test.moduleId)} > ${test.name}: ${test.errors[0] ?? 'failed'}`),
    ...outcome.unhandledErrors.map((error) => `unhandled error: ${error}`),
  ];
}

function assertInitialRunPassed(outcome: RunOutcome, projectRoot: string): void {
  const problems = problemsOf(outcome, projectRoot);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map((problem) => `  ${firstLines(problem)}`);
    if (problems.length > 5) shown.push(`  … and ${problems.length - 5} more`);
    // vite failing to compile a file means assay's instrumented version of it, not the user's suite.
    const ours = problems.some((problem) => /Transform failed|Parse failure|Unexpected token/.test(problem));
    const advice = ours
      ? "this may be assay's instrumented code failing to compile: check that 'npx vitest run' passes, and if it does, please report this with the file named above"
      : "fix it first ('npx vitest run')";
    throw new UserError(
      `the test suite fails without any mutant (initial test run); ${advice}:\n${shown.join('\n')}`,
      INITIAL_RUN_FAILED_EXIT_CODE,
    );
  }
  if (!outcome.tests.some((test) => test.state === 'passed')) {
    throw new UserError("vitest found no tests to run: check 'include' in your vitest config", INITIAL_RUN_FAILED_EXIT_CODE);
  }
}

/** `flaky`: the dry run's flaky tests, each from a run in which it passed. */
function summarise(outcome: RunOutcome, flaky: FlakyOutcome[], projectRoot: string, durationMs: number, threads: Threads): Omit<DryRunResult, 'imports' | 'testFiles'> {
  const passed = outcome.tests.filter((test) => test.state === 'passed');
  const staticIn: Record<number, TestFile[]> = {};
  const hits: Record<number, number> = {};
  const fileHits: Record<string, number> = {};
  for (const file of outcome.files) {
    for (const id of file.staticCoverage) (staticIn[id] ??= []).push({ project: file.project, moduleId: file.moduleId });
    for (const [id, count] of file.hits) hits[id] = (hits[id] ?? 0) + count;
    const key = fileKey(file);
    fileHits[key] = Math.max(fileHits[key] ?? 0, file.hits.reduce((sum, [, count]) => sum + count, 0));
  }
  return {
    tests: passed.map((test) => ({
      id: test.id,
      name: test.name,
      fileName: relativeName(projectRoot, test.moduleId),
      durationMs: test.durationMs,
      location: test.location,
    })),
    testFile: Object.fromEntries(passed.map((test) => [test.id, { project: test.project, moduleId: test.moduleId }])),
    coverage: Object.fromEntries(passed.map((test) => [test.id, test.coverage ?? []])),
    staticIn,
    hits,
    fileHits,
    waitMs: Object.fromEntries(passed.flatMap((test) => {
      const wait = test.busy === undefined ? 0 : Math.round(test.durationMs * (1 - test.busy));
      return wait > 0 ? [[test.id, wait] as const] : [];
    })),
    durationMs,
    threads,
    flaky: flaky.map(({ test, reason }) => flakyTest(test, projectRoot, reason)),
    flakyFile: Object.fromEntries(flaky.map(({ test }) => [test.id, { project: test.project, moduleId: test.moduleId }])),
    flakyCoverage: Object.fromEntries(flaky.map(({ test }) => [test.id, test.coverage ?? []])),
  };
}

/** The first three lines of an error, without terminal colours, each cut to 200 characters. */
function firstLines(text: string): string {
  return stripAnsi(text)
    .split('\n')
    .slice(0, 3)
    .map((line) => (line.length > 200 ? `${line.slice(0, 197)}…` : line))
    .join('\n    ');
}
