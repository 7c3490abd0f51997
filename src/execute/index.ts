/**
 * Execute: runs every planned mutant on a piscina pool of worker threads, each holding a
 * long-lived vitest session. Longest expected runs go first so the workers finish together.
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
import type { WorkerTask } from './task.js';
import { verdictFor, type Verdict } from './verdict.js';
import { HIT_LIMIT_MARKER } from '../vitest/settings.js';

export interface ExecuteOptions {
  session: SessionOptions;
  concurrency: number;
  timeoutMS: number;
  timeoutFactor: number;
  /** Allowance for vitest's own per-run work (scheduling, module loading) on top of test time. */
  overheadMs: number;
  /** Called as each mutant gets its verdict. */
  onResult?: (result: MutantResult) => void;
}

const ATTEMPTS = 2;

export async function executePlan(runs: readonly MutantRun[], options: ExecuteOptions): Promise<MutantResult[]> {
  if (runs.length === 0) return [];
  const threads = Math.max(1, Math.min(options.concurrency, runs.length));
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: options.session,
  });
  const queue = [...runs].sort((a, b) => b.expectedMs - a.expectedMs);
  const results: MutantResult[] = [];
  const next = async (): Promise<void> => {
    for (let run = queue.shift(); run !== undefined; run = queue.shift()) {
      const result = await runMutant(pool, run, options);
      results.push(result);
      options.onResult?.(result);
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, next));
  } finally {
    await pool.destroy();
  }
  return results.sort((a, b) => a.id - b.id);
}

async function runMutant(pool: Piscina, run: MutantRun, options: ExecuteOptions): Promise<MutantResult> {
  const task: WorkerTask = { mutantId: run.mutant.id, hitLimit: run.hitLimit, selection: run.selection };
  let budgetMs = options.timeoutFactor * run.expectedMs + options.timeoutMS + options.overheadMs;
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
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), budgetMs);
  try {
    const outcome = (await pool.run(task, { signal: abort.signal })) as RunOutcome;
    return verdictFor(outcome, plannedTests);
  } catch (error) {
    if (abort.signal.aborted) {
      return { status: 'Timeout', statusReason: `no result within ${Math.round(budgetMs)} ms`, killedBy: [], testsCompleted: 0 };
    }
    return { retry: `worker failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}
