/**
 * The type check beside the mutant runs (with `checkers: ["typescript"]`). The check starts with
 * the run (check/index.ts startTypeCheck) and goes on once the mutants start: waiting for all of
 * it would leave a core idle for as long as it takes. It checks the mutants in shares, and a mutant runs only once its share
 * is checked and found to type-check: the lanes take work whose mutants are all checked
 * (execute's `gate`), and leave out the mutants the check rejected. Meanwhile a lane runs the
 * coverage pass, or waits. So a mutant that does not type-check never runs (unless a duplicate
 * that takes its verdict, one that compiles to the same JavaScript, type-checks), and every one
 * is CompileError, never scored, as if it had not been planned (withCompileErrors). A check that
 * fails (a mutated file, or a file importing one, does not type-check before mutation) stops the
 * runs, and the run ends with its error.
 */
import type { Mutant, MutantResult } from '../model.js';
import type { RunGate } from '../execute/index.js';
import type { TypeCheckEvents, TypeCheckResult } from './index.js';

export class RunningCheck implements RunGate {
  private readonly checked = new Set<number>();
  private readonly found = new Map<number, string>();
  private readonly stopped = new AbortController();
  private readonly failure = new AbortController();
  private readonly listeners: Array<() => void> = [];
  private ended = false;
  /** The whole check's result; rejects as the check fails, or is stopped. */
  readonly result: Promise<TypeCheckResult>;
  /**
   * Resolves once the mutated files type-check unmutated, before any mutant is decided; rejects
   * as `result` does if the check fails or is stopped first.
   */
  readonly baseline: Promise<void>;

  constructor(start: (events: TypeCheckEvents) => Promise<TypeCheckResult>, signal?: AbortSignal) {
    let passed = () => undefined as void;
    const baseline = new Promise<void>((resolve) => (passed = resolve));
    const stopping = AbortSignal.any([this.stopped.signal, ...(signal ? [signal] : [])]);
    this.result = start({
      signal: stopping,
      baselinePassed: passed,
      shareChecked: ({ ids, compileErrors }) => {
        ids.forEach((id) => this.checked.add(id));
        compileErrors.forEach((reason, id) => this.found.set(id, reason));
        this.tell();
      },
    });
    this.baseline = Promise.race([baseline, this.result.then(() => undefined)]);
    this.baseline.catch(() => undefined);
    this.result.then(
      () => this.end(),
      () => {
        // Stopped (by stop() or the run's signal) is not failed.
        if (!stopping.aborted) this.failure.abort();
        this.end();
      },
    );
  }

  /** Whether mutant `id` is decided: its share is checked, or the check has ended (passed, failed or stopped). */
  decided(id: number): boolean {
    return this.ended || this.checked.has(id);
  }

  /** Whether the check has found, by now, that mutant `id` does not type-check. */
  leftOut(id: number): boolean {
    return this.found.has(id);
  }

  /** Calls `listener` whenever more mutants are decided. */
  onDecided(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The mutants found not to type-check so far (id → reason): all of them once `result` resolves (its `compileErrors`). */
  get rejectedSoFar(): ReadonlyMap<number, string> {
    return this.found;
  }

  /** Aborts when the check fails (not when it is stopped): the runs stop, and `result` has the error. */
  get failed(): AbortSignal {
    return this.failure.signal;
  }

  /** Stops the check (its threads end); `result` then rejects. */
  stop(): void {
    this.stopped.abort();
  }

  private end(): void {
    this.ended = true;
    this.tell();
  }

  private tell(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Mutants that cannot be compiled in (unplaced) or do not type-check: CompileError, with `reasons` by id. */
export function compileErrorResults(mutants: readonly Mutant[], reasons: ReadonlyMap<number, string>): MutantResult[] {
  return mutants.flatMap((mutant) => {
    const reason = reasons.get(mutant.id);
    return reason === undefined ? [] : [{ ...mutant, status: 'CompileError' as const, statusReason: reason, coveredBy: [], killedBy: [], testsCompleted: 0, static: false }];
  });
}

/**
 * `results` with each of `planned` that the check rejected (`compileErrors`) as CompileError. A
 * mutant settled without a run (no test reaches it, ignored, reused) was told already, and
 * `revised` is told; one that was to run gets its verdict now (`result` is told).
 */
export function withCompileErrors(
  results: readonly MutantResult[],
  planned: readonly Mutant[],
  compileErrors: ReadonlyMap<number, string>,
  events: { result?: (result: MutantResult) => void; revised?: (result: MutantResult) => void; told: ReadonlySet<number> },
): MutantResult[] {
  const rejected = compileErrorResults(planned, compileErrors);
  for (const result of rejected) (events.told.has(result.id) ? events.revised : events.result)?.(result);
  return [...results.filter((result) => !compileErrors.has(result.id)), ...rejected];
}
