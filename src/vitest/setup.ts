/**
 * Setup file that assay puts first in every vitest project's `setupFiles`. It runs inside
 * vitest's test workers, before the test file is imported, and installs the runtime that
 * instrumented code calls (`globalThis.__assay`, see src/instrument):
 * - dry mode: `cov(...ids)` records which mutants each test reaches, and which are reached
 *   outside any test (static), written to `task.meta` so vitest carries it back to the node side,
 *   with the share of each test's time its thread was busy rather than waiting (timers, I/O);
 * - mutant mode: `on(id)` is true for the active mutant only, and throws once the active mutant
 *   has been hit more than `hitLimit` times (a probable infinite loop).
 * - coverage mode: after each test, which istanbul statements of the original code it executed.
 * Activation happens here, before any module under test loads, so static mutants are active too.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { adoptLoadedGlobals, changedGlobals, fingerprintGlobals, restoreGlobals, type GlobalFingerprint } from './global-state.js';
import { guardOwnProcess } from './own-process.js';
import { tagEscapedErrors } from './escaped-errors.js';
import { recordActiveMutant, recordHeapSize } from './thread-state.js';
import { NATIVE_SOURCES_KEY, serveToRequire } from '../instrument/require-hook.js';
import {
  COVERAGE_VARIABLE,
  HIT_LIMIT_MARKER,
  NO_MUTANT,
  SETTINGS_KEY,
  type AssaySettings,
  type FileMeta,
  type TestMeta,
} from './settings.js';

declare module 'vitest' {
  interface ProvidedContext {
    [SETTINGS_KEY]: AssaySettings;
  }
}

const settings = inject(SETTINGS_KEY);
serveToRequire(inject(NATIVE_SOURCES_KEY));
guardOwnProcess();
// Once per thread, before the thread's globals are fingerprinted: reads the runtime of the file running when an error escapes.
tagEscapedErrors(() => {
  const current = (globalThis as { __assay?: { settings: AssaySettings; active: number } }).__assay;
  return current?.settings.mode === 'batch' ? current.active : NO_MUTANT;
});
const testFile = expect.getState().testPath ?? '';

/**
 * Test files can share a thread (modules are fresh per file, globals are not): the first file's
 * fingerprint of global state is the thread's baseline, and what differs from it when a later
 * file starts was left by an earlier file (see global-state.ts): put back where it can be, a
 * leak where it cannot.
 */
const BASELINE = Symbol.for('assay.globalBaseline');
const here = fingerprintGlobals();
const baseline = ((globalThis as Record<symbol, GlobalFingerprint | undefined>)[BASELINE] ??= here);
// What an earlier file left in process.env or on globalThis is put back first; only the rest is a leak.
const changed = changedGlobals(baseline, here);
restoreGlobals(baseline, changed);
const leaked = changed.length === 0 ? [] : changedGlobals(baseline, fingerprintGlobals());


class Runtime {
  /** The test file this runtime was set up for (its setup file ran as that file started to load). */
  readonly testFile = testFile;
  /** Globals this file found changed by earlier files in the thread that could not be put back. */
  readonly leaked = leaked;
  /** assay's runner has recorded this runtime's mutant in its file's meta (batch-runner.ts). */
  recorded = false;
  active = NO_MUTANT;
  hitLimit = 0;
  hits = 0;
  /** Checks of any mutant since the active one was switched on (see AssaySettings.stepLimit). */
  steps = 0;
  timedOut = false;
  /** Coverage of the running test, or undefined outside tests. */
  testCoverage: Set<number> | undefined;
  readonly staticCoverage = new Set<number>();
  readonly hitCounts = new Map<number, number>();

  /** This file's step limit (AssaySettings.stepLimits), else the run's. */
  private readonly stepLimit: number;

  constructor(readonly settings: AssaySettings) {
    this.stepLimit = settings.stepLimits?.[testFile] ?? settings.stepLimit ?? Number.POSITIVE_INFINITY;
    // Mutant mode: one mutant for the whole run, or one per run of each test file (a group of static mutants).
    if (settings.mode === 'mutant') this.activate(settings.activeByFile ? fileActive(settings.activeByFile, settings.run ?? 0) : settings.active);
    else this.activate(NO_MUTANT);
  }

  /** Batch mode: mutants reached during the canary run (no mutant active), or undefined. */
  private canary: Set<number> | undefined;

  /** Batch mode: the no-mutant run of a test starts; record what it reaches. */
  startCanary(): void {
    this.activate(NO_MUTANT);
    this.canary = new Set();
  }

  /** Batch mode: what the canary run reached, sorted. */
  endCanary(): number[] {
    const reached = [...(this.canary ?? [])].sort((a, b) => a - b);
    this.canary = undefined;
    return reached;
  }

  /** Switches to mutant `id` (or none); in batch mode, for the next run of a test. */
  activate(id: number): void {
    this.active = id;
    recordActiveMutant(id);
    this.hits = 0;
    this.steps = 0;
    this.timedOut = false;
    this.hitLimit = this.settings.hitLimits?.[id] ?? this.settings.hitLimit;
  }

  on(id: number): boolean {
    if (this.active !== NO_MUTANT && ++this.steps > this.stepLimit) {
      this.timedOut = true;
      throw new Error(`${HIT_LIMIT_MARKER}: with mutant ${this.active} active, mutated code was reached more than ${this.stepLimit} times (probable infinite loop)`);
    }
    if (id !== this.active) return false;
    if (++this.hits > this.hitLimit) {
      this.timedOut = true;
      throw new Error(`${HIT_LIMIT_MARKER}: mutant ${id} was reached more than ${this.hitLimit} times (probable infinite loop)`);
    }
    return true;
  }

  cov(...ids: number[]): void {
    if (this.canary !== undefined) {
      for (const id of ids) this.canary.add(id);
      return;
    }
    if (this.settings.mode !== 'dry') return;
    const target = this.testCoverage ?? this.staticCoverage;
    for (const id of ids) {
      target.add(id);
      this.hitCounts.set(id, (this.hitCounts.get(id) ?? 0) + 1);
    }
  }
}

/** The runs of each test file this thread has started in the session's run `run` (AssaySettings.activeByFile). */
const FILE_RUNS = '__assayFileRuns';

/** The mutant this run of the test file activates: the k-th run of a file in the thread takes the file's k-th. */
function fileActive(activeByFile: Record<string, number[]>, run: number): number {
  const global = globalThis as { [FILE_RUNS]?: { run: number; started: Record<string, number> } };
  if (global[FILE_RUNS]?.run !== run) global[FILE_RUNS] = { run, started: {} };
  const { started } = global[FILE_RUNS];
  const index = started[testFile] ?? 0;
  started[testFile] = index + 1;
  return activeByFile[testFile]?.[index] ?? NO_MUTANT;
}

const runtime = new Runtime(settings);
(globalThis as { __assay?: unknown }).__assay = runtime;

// Hooks of setup files run once the test file has loaded: globals its modules defined while no
// mutant was active join the baseline (see adoptLoadedGlobals).
beforeAll(() => {
  if (runtime.active === NO_MUTANT) adoptLoadedGlobals(baseline, here, fingerprintGlobals());
});

/**
 * Statement counters seen so far, per source file; the difference after a test is what it ran.
 * Statements run outside tests (module load, beforeAll) are collected as static.
 */
class StatementTracker {
  private readonly seen = new Map<string, number[]>();
  readonly outsideTests: Record<string, Set<number>> = {};

  /** Statement indices whose counters moved since the last call, by file path. */
  takeNew(): Record<string, number[]> {
    const store = (globalThis as Record<string, unknown>)[COVERAGE_VARIABLE] as
      | Record<string, { s: Record<string, number> }>
      | undefined;
    const moved: Record<string, number[]> = {};
    for (const [path, data] of Object.entries(store ?? {})) {
      const counts = Object.values(data.s);
      const before = this.seen.get(path) ?? [];
      const hit: number[] = [];
      counts.forEach((count, index) => {
        if (count !== (before[index] ?? 0)) hit.push(index);
      });
      if (hit.length > 0) moved[path] = hit;
      this.seen.set(path, counts);
    }
    return moved;
  }

  addOutsideTests(moved: Record<string, number[]>): void {
    for (const [path, hit] of Object.entries(moved)) {
      const set = (this.outsideTests[path] ??= new Set());
      hit.forEach((index) => set.add(index));
    }
  }
}

/**
 * The file an `afterAll` hook ran for, from the hook's `arguments`: vitest 4.0 passes `(suite)`,
 * 4.1 and later `(context, suite)` and refuse a hook whose first parameter is not an object
 * pattern — hence `function ({}) { … suiteOf(arguments) }` rather than a rest parameter.
 */
function suiteOf(args: IArguments): { meta: object } {
  return args[args.length - 1] as { meta: object };
}

if (settings.mode === 'coverage') {
  // Counters start at zero in each test file, also when files share a thread.
  (globalThis as Record<string, unknown>)[COVERAGE_VARIABLE] = {};
  const tracker = new StatementTracker();
  beforeEach(() => {
    tracker.addOutsideTests(tracker.takeNew());
  });
  afterEach(({ task }) => {
    (task.meta as TestMeta).assayStatements = tracker.takeNew();
  });
  afterAll(function ({}) {
    tracker.addOutsideTests(tracker.takeNew());
    const meta = suiteOf(arguments).meta as FileMeta;
    meta.assayIstanbul = (globalThis as Record<string, unknown>)[COVERAGE_VARIABLE] as Record<string, unknown>;
    meta.assayStaticStatements = Object.fromEntries(
      Object.entries(tracker.outsideTests).map(([path, set]) => [path, [...set]]),
    );
  });
} else if (settings.mode === 'dry') {
  // The event loop's use over each test (by test: `test.concurrent` ones overlap): one that mostly
  // waits (real timers) needs no core to run.
  const loopAtStart = new WeakMap<object, EventLoopUtilization>();
  beforeEach(({ task }) => {
    runtime.testCoverage = new Set();
    loopAtStart.set(task, performance.eventLoopUtilization());
  });
  afterEach(({ task }) => {
    (task.meta as TestMeta).assayCoverage = [...(runtime.testCoverage ?? [])];
    runtime.testCoverage = undefined;
    const start = loopAtStart.get(task);
    if (start !== undefined) (task.meta as TestMeta).assayBusy = performance.eventLoopUtilization(start).utilization;
  });
} else if (settings.mode === 'mutant') {
  afterEach(({ task }) => {
    if (runtime.timedOut) (task.meta as TestMeta).assayTimedOut = true;
  });
}

afterAll(function ({}) {
  const meta = suiteOf(arguments).meta as FileMeta;
  meta.assayStatic = [...runtime.staticCoverage];
  meta.assayHits = [...runtime.hitCounts];
  if (runtime.timedOut) meta.assayTimedOut = true;
  // (assay's runner records it as the file starts too, so that a file that then fails to load reports it.)
  if (leaked.length > 0) meta.assayLeaked = leaked;
  recordHeapSize();
});
