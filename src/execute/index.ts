/**
 * Execute: runs every planned mutant on a piscina pool of worker threads, each holding a
 * long-lived vitest session. By default mutants run in batches — many mutants in one vitest run
 * (see batches.ts, src/vitest/batch-runner.ts) — and every mutant a batch cannot settle cleanly,
 * and every static mutant, runs on its own, in a fresh module graph; `batchSize` 0 (isolation
 * "full") runs every mutant on its own. Longest expected work goes first so the workers finish
 * together.
 * A run past its wall-clock budget (`timeoutFactor × expected + timeoutMS + overhead`) is
 * aborted — piscina terminates the stuck thread and starts a fresh one. A timeout that the hit
 * limit did not prove (wall clock, or vitest's own test timeout) may come from a loaded machine
 * rather than the mutant, so it is tried once more with twice the budget before it is scored
 * Timeout. A run that ends in an error, or completes fewer tests than planned, is retried once
 * and otherwise reported as RuntimeError: never as Survived.
 */
import { Piscina } from 'piscina';
import type { MutantResult } from '../model.js';
import type { MutantRun } from '../plan/index.js';
import type { RunOutcome, SessionOptions } from '../vitest/session.js';
import type { BatchUnsupported, WorkerTask } from './task.js';
import { formBatches, type Batch, type TestFacts } from './batches.js';
import { batchVerdicts } from './batch-verdict.js';
import { verdictFor, type Verdict } from './verdict.js';
import { HIT_LIMIT_MARKER } from '../vitest/settings.js';

export interface ExecuteOptions {
  timeoutMS: number;
  timeoutFactor: number;
  /** Allowance for vitest's own per-run work (scheduling, module loading) on top of test time. */
  overheadMs: number;
  /** Most mutants in one batch; 0 runs each mutant in a vitest run of its own. */
  batchSize: number;
  /** What the dry run learned of each test: duration (a batch's cost) and the mutants it reached. */
  tests: TestFacts;
  /** Called as each mutant gets its verdict. */
  onResult?: (result: MutantResult) => void;
}

const ATTEMPTS = 2;

/**
 * Starts the pool's worker threads, each starting its vitest session at once, so that start-up
 * overlaps with the dry run. `executePlan` destroys the pool when it is done.
 */
export function startPool(session: SessionOptions, concurrency: number): Piscina {
  const threads = Math.max(1, concurrency);
  return new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: session,
  });
}

export async function executePlan(pool: Piscina, runs: readonly MutantRun[], options: ExecuteOptions): Promise<MutantResult[]> {
  const threads = pool.options.maxThreads;
  const batched = (run: MutantRun) => options.batchSize > 0 && !run.static;
  const queue: Work[] = [
    ...formBatches(runs.filter(batched), { maxSize: options.batchSize, workers: threads }, options.tests).map((batch) => ({ batch, expectedMs: batch.expectedMs })),
    ...runs.filter((run) => !batched(run)).map((run) => ({ run, expectedMs: run.expectedMs })),
  ].sort((a, b) => b.expectedMs - a.expectedMs);
  const results: MutantResult[] = [];
  const report = (result: MutantResult) => {
    results.push(result);
    options.onResult?.(result);
  };
  const next = async (): Promise<void> => {
    for (let work = queue.shift(); work !== undefined; work = queue.shift()) {
      if ('run' in work) {
        report(await runMutant(pool, work.run, options));
        continue;
      }
      const { settled, unresolved } = await runBatch(pool, work.batch, options);
      settled.forEach(report);
      // Mutants the batch could not settle run next, each on its own.
      queue.unshift(...unresolved.map((run) => ({ run, expectedMs: run.expectedMs })));
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, next));
  } finally {
    await pool.destroy();
  }
  return results.sort((a, b) => a.id - b.id);
}

/** Wall-clock budget of a run whose tests took `expectedMs` in the dry run. */
function budgetFor(expectedMs: number, options: ExecuteOptions): number {
  return options.timeoutFactor * expectedMs + options.timeoutMS + options.overheadMs;
}

type Work = { run: MutantRun; expectedMs: number } | { batch: Batch; expectedMs: number };

/** One vitest run for the whole batch; what it cannot settle is returned to run alone. */
async function runBatch(
  pool: Piscina,
  batch: Batch,
  options: ExecuteOptions,
): Promise<{ settled: MutantResult[]; unresolved: MutantRun[] }> {
  const budgetMs = budgetFor(batch.expectedMs, options);
  const started = Date.now();
  const outcome = await runWithBudget(pool, batch.task, budgetMs);
  if (!('tests' in outcome)) return { settled: [], unresolved: batch.runs };
  const verdicts = batchVerdicts(batch.runs, outcome);
  const durationMs = Math.round((Date.now() - started) / batch.runs.length);
  const settled = batch.runs.flatMap((run) => {
    const verdict = verdicts.get(run.mutant.id);
    return verdict === undefined ? [] : [{ ...run.mutant, coveredBy: run.coveredBy, static: run.static, durationMs, ...verdict }];
  });
  return { settled, unresolved: batch.runs.filter((run) => !verdicts.has(run.mutant.id)) };
}

/** Runs a task within a wall-clock budget; what went wrong when there is no outcome. */
async function runWithBudget(
  pool: Piscina,
  task: WorkerTask,
  budgetMs: number,
): Promise<RunOutcome | BatchUnsupported | { aborted: true } | { failed: string }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), budgetMs);
  try {
    return (await pool.run(task, { signal: abort.signal })) as RunOutcome | BatchUnsupported;
  } catch (error) {
    if (abort.signal.aborted) return { aborted: true };
    return { failed: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function runMutant(pool: Piscina, run: MutantRun, options: ExecuteOptions): Promise<MutantResult> {
  const task: WorkerTask = { kind: 'single', mutantId: run.mutant.id, hitLimit: run.hitLimit, selection: run.selection };
  let budgetMs = budgetFor(run.expectedMs, options);
  let lastProblem = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const started = Date.now();
    const verdict = await attemptRun(pool, task, budgetMs, run.plannedTests);
    const base = { ...run.mutant, coveredBy: run.coveredBy, static: run.static, durationMs: Date.now() - started };
    const unproven = 'status' in verdict && verdict.status === 'Timeout' && !verdict.statusReason?.includes(HIT_LIMIT_MARKER);
    if ('status' in verdict && !(unproven && attempt < ATTEMPTS)) return { ...base, ...verdict };
    lastProblem = 'retry' in verdict ? verdict.retry : '';
    budgetMs *= 2;
  }
  return {
    ...run.mutant,
    coveredBy: run.coveredBy,
    static: run.static,
    status: 'RuntimeError',
    statusReason: lastProblem,
    killedBy: [],
    testsCompleted: 0,
  };
}

async function attemptRun(pool: Piscina, task: WorkerTask, budgetMs: number, plannedTests: number): Promise<Verdict> {
  const outcome = await runWithBudget(pool, task, budgetMs);
  if ('aborted' in outcome) {
    return { status: 'Timeout', statusReason: `no result within ${Math.round(budgetMs)} ms`, killedBy: [], testsCompleted: 0 };
  }
  if ('failed' in outcome) return { retry: `worker failed: ${outcome.failed}` };
  if ('batchUnsupported' in outcome) return { retry: 'a single mutant run was answered as a batch' };
  return verdictFor(outcome, plannedTests);
}
