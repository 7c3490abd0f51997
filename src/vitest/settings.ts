/**
 * What the coordinator tells the setup file inside vitest's test workers, through vitest's
 * `provide`/`inject`. Kept apart from the setup file so the node side can import it without
 * loading vitest's runtime.
 */
export interface AssaySettings {
  /**
   * `dry`: record which mutants each test reaches; `mutant`: activate one mutant;
   * `coverage`: record which istanbul statements each test executes (original code, no mutants);
   * `batch`: run each planned test once per mutant of `plan` (see batch-runner.ts).
   */
  mode: 'dry' | 'mutant' | 'coverage' | 'batch';
  /** The active mutant id (mutant mode), -1 for none. */
  active: number;
  /** Past this many hits of the active mutant in one test file, the run is a Timeout. */
  hitLimit: number;
  /** Batch mode: per test id, the mutants to run it against, in order; NO_MUTANT last (a canary). */
  plan?: Record<string, number[]>;
  /** Hit limit per mutant id (batch mode, and mutant mode with `activeByFile`). */
  hitLimits?: Record<number, number>;
  /**
   * Past this many checks of any mutant (instrumented code run) while a mutant is active — in one
   * test file, or one repeat in batch mode — the run is a Timeout too: a loop that never ends
   * without passing the active mutant's own code (mutant and batch modes; none when absent).
   */
  stepLimit?: number;
  /** Per test file (absolute path): its own step limit, in place of `stepLimit` (plan's fileStepLimitsOf). */
  stepLimits?: Record<string, number>;
  /**
   * Mutant mode, several static mutants in one run: per test file (absolute path), the mutant
   * active in each of its runs, in order — a file the run lists k times runs k times, with a fresh
   * module graph each (files not listed run with none). Replaces `active`. The k-th run of a file
   * in a test thread takes its k-th mutant; assay's runner (batch-runner.ts) records which one each
   * run had, also for a run that fails while loading.
   */
  activeByFile?: Record<string, number[]>;
  /** This run's number in its session: a test thread counts the runs of each file per run (`activeByFile`). */
  run?: number;
  /**
   * Once a test failed with a mutant active, that mutant's later tests in this run do not run, as
   * bail would end a run of the mutant alone, while other mutants' tests go on (assay's runner;
   * set by the session).
   */
  bail?: boolean;
  /** Batch mode: per planned test, the mutants the dry run saw it reach; the canary must match. */
  expected?: Record<string, number[]>;
  /**
   * Per test file (absolute path), a vitest test timeout shorter than the project's for its
   * tests (src/execute/test-timeouts.ts): the project's own stands where it is shorter, or where
   * a test sets its own.
   */
  testTimeouts?: Record<string, number>;
}

/** In a batch plan, a run of the test with no mutant active. */
export const NO_MUTANT = -1;

/**
 * The key of a test thread's `workerData` under which thread-state.ts finds the shared Int32 slots
 * it writes for the thread's owner (warm-threads.ts): at ACTIVE_MUTANT, the active
 * mutant; at HEAP_MB, the thread's V8 heap (MB) as its last test file or run ended; at
 * FIRST_HEAP_MB, its heap as its first test file ended.
 */
export const THREAD_STATE_KEY = 'assayThreadState';
export const ACTIVE_MUTANT = 0;
export const HEAP_MB = 1;
export const FIRST_HEAP_MB = 2;
export const THREAD_STATE_SLOTS = 3;

/** The key under which settings are provided to test workers. */
export const SETTINGS_KEY = 'assaySettings';

/** The global the coverage pass's istanbul counters live in. */
export const COVERAGE_VARIABLE = '__assay_istanbul__';

/** In an error message, marks that the hit limit stopped a probable infinite loop. */
export const HIT_LIMIT_MARKER = 'ASSAY_HIT_LIMIT';

/** In an error message, marks that a test thread was ended for passing its heap limit. */
export const OUT_OF_MEMORY = 'ASSAY_OUT_OF_MEMORY';

/** In an error message, marks that code under test tried to signal the process the test threads share. */
export const OWN_PROCESS_SIGNAL = 'ASSAY_OWN_PROCESS_SIGNAL';

/** vitest's own test or hook timeout, in an error message. */
export const VITEST_TIMEOUT = /(Test|Hook) timed out in \d+ms/;

/** `task.meta` fields the setup file writes. */
export interface TestMeta {
  /** Mutant ids reached while this test (and its hooks) ran. */
  assayCoverage?: number[];
  /** Dry mode: the share of the test's time its thread's event loop was busy (0–1); the rest it waited (timers, I/O). */
  assayBusy?: number;
  assayTimedOut?: boolean;
  /** Coverage mode: istanbul statement indices executed during this test, by source file path. */
  assayStatements?: Record<string, number[]>;
  /** Batch mode: per planned mutant (NO_MUTANT for the canary), how the test ended with it active. */
  assayBatch?: BatchRecord[];
}

/**
 * [mutant id, outcome, first error message]. `timeout`: the hit limit stopped the mutant (a proven
 * hang); `slow`: vitest's test timeout fired (maybe a loaded machine). `unreached`: the test ran but never executed the
 * mutant's code, though the dry run saw it do so — state left by earlier repeats (a cache, a
 * global) changed its path, so the result says nothing about the mutant. `unsteady`: it failed,
 * then passed when tried again at once (batch-runner.ts retryOf): the failure came from state an
 * earlier repeat left, so neither says anything about the mutant either.
 */
export type BatchRecord = [number, 'pass' | 'fail' | 'timeout' | 'slow' | 'unreached' | 'unsteady', string?];
export interface FileMeta {
  /** Mutant ids reached in this test file outside any test (module load, beforeAll…). */
  assayStatic?: number[];
  /** Hits per mutant id in this file, for the hit limit: [id, count] pairs. */
  assayHits?: Array<[number, number]>;
  assayTimedOut?: boolean;
  /** Coverage mode: this test file's istanbul counters (FileCoverage data by path). */
  assayIstanbul?: Record<string, unknown>;
  /** Coverage mode: statements executed outside any test (module load, hooks), by source file path. */
  assayStaticStatements?: Record<string, number[]>;
  /** Global state that differed, when this file started, from the first file in its thread. */
  assayLeaked?: string[];
  /** Mutant mode with `activeByFile`: the mutant active while this run of the file loaded and ran. */
  assayActive?: number;
}
