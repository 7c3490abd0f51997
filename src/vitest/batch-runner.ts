/**
 * The vitest test runner of batch mode: many mutants in one vitest run. Inside vitest's own test
 * loop — so hooks, fixtures and `expect` behave as in any run — each planned test is repeated
 * once per mutant that reaches it: repeat k switches mutant k on (`onBeforeTryTask`), and its
 * outcome is recorded in the test's meta (`onAfterRetryTask`) before the result is reset for the
 * next repeat. The last repeat runs with no mutant active: a canary that must pass, or the test's
 * records are not trusted (state leaking from one mutant to the next) — nor are they when, after
 * it, Object.prototype has an enumerable key (a repeat polluted it; every later test's canary
 * finds it too, so nothing later in the thread is trusted either). A repeat in which the
 * mutant's code never ran is recorded as `unreached`, and one that failed and then passed when
 * tried again at once (retryOf) `unsteady`: earlier repeats changed the test's path or state
 * (a module-level cache, a global), so that mutant must run on its own. The canary must also
 * reach exactly the mutants the dry run saw the test reach: a different path means state left
 * by earlier repeats (a filled cache) that could have hidden a mutant, so none of the test's
 * records is trusted.
 * With bail on, a mutant is not run again once a test ended without passing with it active (killed,
 * hit limit, vitest's timeout, unreached): its later tests are skipped, in that file and in the
 * thread's later files of the run, as bail skips them in a run of the mutant alone — they could
 * not change its verdict, only cost time or hang.
 *
 * In mutant mode it serves groups of static mutants (AssaySettings.activeByFile): a run may list a
 * test file several times, each time with another mutant active while its modules load (the setup
 * file picks it). Before a file's tests run — or its failure to load is reported — the runner
 * records in the file's meta which mutant its setup activated, so the node side can tell the
 * runs of a file apart. With `bail`, a mutant's tests after its first failure do not run, so each
 * mutant stops as bail would stop a run of it alone, while the others' files go on (vitest's own
 * bail, which would end the whole run, is off where assay's runner is in; see session.ts).
 *
 * In both modes a test file may come with a shorter vitest test timeout for its tests
 * (AssaySettings.testTimeouts): vitest fixes a test's timeout as it collects the test, from the
 * config the runner holds, so the runner sets that config's `testTimeout` as it imports each test
 * file to collect it — the file's shorter one, else the project's own, which it keeps.
 *
 * This is a mixin over vitest's own test runner class, whose entry differs by major
 * (runner-vitest4.ts, runner-vitest5.ts; see majors.ts).
 */
// `VitestTestRunner` of 'vitest' is the runner interface (its hooks), not the class.
import type { RunnerTestCase, RunnerTestSuite, TestRunner, VitestTestRunner as RunnerHooks } from 'vitest';
import { enterRepeat } from './escaped-errors.js';
import { recordHeapSize } from './thread-state.js';
import { HIT_LIMIT_MARKER, NO_MUTANT, VITEST_TIMEOUT, type AssaySettings, type BatchRecord, type FileMeta, type TestMeta } from './settings.js';

/** vitest's test runner class (`VitestTestRunner` of vitest 4's `vitest/runners`, `TestRunner` of vitest 5's `vitest`). */
type RunnerClass = new (...args: any[]) => TestRunner;
type TryOptions = { retry: number; repeats: number };

/** The part of the setup file's runtime (globalThis.__assay) this runner drives. */
interface BatchRuntime {
  settings: AssaySettings;
  timedOut: boolean;
  /** Times the active mutant's code ran since it was switched on. */
  hits: number;
  activate(id: number): void;
  startCanary(): void;
  endCanary(): number[];
}

const CANARY_DIVERGED = 'assay: with no mutant active the test reached other code than in the dry run (state left by earlier runs)';
const PROTOTYPE_POLLUTED = 'assay: Object.prototype has an enumerable key an earlier run left (state leaking from one mutant to the next)';

/**
 * Every object of the thread inherits an enumerable key: a repeat merged into Object.prototype (a
 * mutant that drops a `__proto__` guard), which the test file's fingerprint, taken as it started,
 * cannot see, and which can fail any later repeat in the thread.
 */
function prototypePolluted(): boolean {
  for (const _key in {}) return true;
  return false;
}

/** Why a canary that reached `reached` (sorted) leaves its test's records untrusted, if it does. */
function canaryDistrusted(reached: readonly number[], expected: readonly number[]): string | undefined {
  if (prototypePolluted()) return PROTOTYPE_POLLUTED;
  return sameSet(reached, expected) ? undefined : CANARY_DIVERGED;
}

function sameSet(sorted: readonly number[], expected: readonly number[]): boolean {
  const other = [...expected].sort((a, b) => a - b);
  return sorted.length === other.length && sorted.every((id, index) => id === other[index]);
}

/** Per planned test, the mutants its repeats run in order (the plan less the decided ones), NO_MUTANT last. */
const repeatsOf = new WeakMap<RunnerTestCase, number[]>();
/** Per planned test, its own `retry`, which the canary keeps; a mutant's repeat has at least one retry (see retryOf). */
const ownRetry = new WeakMap<RunnerTestCase, RunnerTestCase['retry']>();

/**
 * vitest reads a test's `retry` as each repeat starts. A mutant's repeat that fails is tried again
 * at once, as often as the test's own retries allow and at least once: a failure that a leak from
 * the repeat before caused (another mutant's `afterEach` left a setting changed, which this
 * repeat's own `afterEach` then put back, so the canary passes) does not come again, and the
 * mutant is recorded `unsteady`, to run on its own. Not for a test expected to fail (`test.fails`):
 * its canary fails, so none of its records is trusted anyway.
 */
function retryOf(test: RunnerTestCase, mutant: number): RunnerTestCase['retry'] {
  const own = ownRetry.get(test);
  return mutant === NO_MUTANT || test.fails === true ? own : Math.max(1, retryCount(own));
}

function retryCount(retry: RunnerTestCase['retry']): number {
  return typeof retry === 'number' ? retry : (retry?.count ?? 0);
}

const UNSTEADY = 'assay: failed, then passed when run again at once (state left by the repeat before)';

function runtime(): BatchRuntime | undefined {
  const candidate = (globalThis as { __assay?: BatchRuntime }).__assay;
  return candidate?.settings?.mode === 'batch' ? candidate : undefined;
}

/** The part of the runtime mutant mode uses: the mutant its test file activated, and whom for. */
interface MutantRuntime {
  settings: AssaySettings;
  active: number;
  testFile: string;
  recorded: boolean;
}

function mutantRuntime(): MutantRuntime | undefined {
  const candidate = (globalThis as { __assay?: MutantRuntime }).__assay;
  return candidate?.settings?.mode === 'mutant' ? candidate : undefined;
}

/** The part of the runtime every mode has: the test file it was set up for and what that file found leaked. */
function fileRuntime(): { testFile: string; leaked: readonly string[] } | undefined {
  const candidate = (globalThis as { __assay?: { testFile?: string; leaked?: readonly string[] } }).__assay;
  return candidate?.testFile === undefined || candidate.leaked === undefined ? undefined : { testFile: candidate.testFile, leaked: candidate.leaked };
}

/** Mutant mode with `bail`: the runtime, whose `active` is the mutant of the running file. */
function bailingRuntime(): MutantRuntime | undefined {
  const candidate = mutantRuntime();
  return candidate?.settings.bail === true ? candidate : undefined;
}

/** Where a test thread keeps the mutants decided in the current run (decidedInRun). */
const DECIDED = Symbol.for('assay.decidedInRun');

/**
 * The mutants a test of the current run ended without passing, in this thread. Kept on the
 * thread's global, by the session's run number: vitest makes a runner for each test file, and a
 * mutant decided in one file must be skipped in the thread's later files too (each skip saves,
 * for a mutant that leaves tests waiting, a test timeout per file), while a warm thread's next run
 * starts afresh.
 */
function decidedInRun(): Set<number> {
  const thread = globalThis as { [DECIDED]?: { run: number | undefined; mutants: Set<number> }; __assay?: { settings?: AssaySettings } };
  const run = thread.__assay?.settings?.run;
  if (thread[DECIDED] === undefined || thread[DECIDED].run !== run) thread[DECIDED] = { run, mutants: new Set() };
  return thread[DECIDED].mutants;
}

/**
 * The project's own test timeout, as the thread's first collection found it: a later run's
 * runner config is copied from the one a shorter timeout was set in, so it is kept per thread (a
 * test thread serves one project).
 */
const PROJECT_TIMEOUT = Symbol.for('assay.projectTestTimeout');

/** The vitest test timeout `filepath`'s tests are collected with (see the top of this file). */
function collectTimeout(config: { testTimeout: number }, filepath: string): number {
  const thread = globalThis as { [PROJECT_TIMEOUT]?: number; __assay?: { settings?: AssaySettings } };
  const own = (thread[PROJECT_TIMEOUT] ??= config.testTimeout);
  const shorter = thread.__assay?.settings?.testTimeouts?.[filepath];
  return shorter === undefined || own <= 0 ? own : Math.min(own, shorter);
}

/** vitest's test runner `Base` with batch runs (see the top of this file). */
export function withBatchRuns<Base extends RunnerClass>(Base: Base): Base {
  return class AssayBatchRunner extends Base {
    /**
     * A file's suite starts, or its failure to load is about to be reported: the runtime its setup
     * file made as it started to load says what it found leaked by earlier files and which mutant
     * it ran with. A runtime of another file, or one already recorded (its setup did not run for
     * this one), says nothing.
     */
    override async onBeforeRunSuite(suite: RunnerTestSuite): Promise<void> {
      const own = fileRuntime();
      // A world left changed by earlier files (setup.ts): reported here too, where a file that then
      // fails to load (a polluted Object.prototype breaks vitest's own collection) still reports it.
      if (own !== undefined && 'filepath' in suite && own.testFile === suite.filepath && own.leaked.length > 0) (suite.meta as FileMeta).assayLeaked = [...own.leaked];
      const rt = mutantRuntime();
      if ('filepath' in suite && rt?.settings.activeByFile !== undefined && rt.testFile === suite.filepath && !rt.recorded) {
        rt.recorded = true;
        (suite.meta as FileMeta).assayActive = rt.active;
      }
      await super.onBeforeRunSuite(suite);
    }

    /** The run's files are done, those that failed to load (whose afterAll never ran) too: the heap's size is what the thread's owner reads next. */
    override onAfterRunFiles(): void {
      recordHeapSize();
      super.onAfterRunFiles?.();
    }

    override importFile(filepath: string, source: 'collect' | 'setup'): unknown {
      if (source === 'collect') this.config.testTimeout = collectTimeout(this.config, filepath);
      return super.importFile(filepath, source);
    }

    override async onBeforeRunTask(test: RunnerTestCase): Promise<void> {
      await super.onBeforeRunTask(test);
      const active = bailingRuntime()?.active;
      const decided = decidedInRun();
      if (active !== undefined && active !== NO_MUTANT && decided.has(active)) test.mode = 'skip';
      const plan = runtime()?.settings.plan?.[test.id];
      if (plan !== undefined) {
        const bail = runtime()?.settings.bail === true;
        const repeats = bail ? plan.filter((mutant) => mutant === NO_MUTANT || !decided.has(mutant)) : plan;
        repeatsOf.set(test, repeats);
        test.repeats = repeats.length - 1;
        if (!ownRetry.has(test)) ownRetry.set(test, test.retry);
        test.retry = retryOf(test, repeats[0]);
        (test.meta as TestMeta).assayBatch = [];
      }
    }

    override async onAfterRunTask(test: RunnerTestCase): Promise<void> {
      await super.onAfterRunTask(test);
      const active = bailingRuntime()?.active;
      if (active !== undefined && active !== NO_MUTANT && test.result?.state === 'fail') decidedInRun().add(active);
    }

    override onBeforeTryTask(test: RunnerTestCase, options?: TryOptions): void {
      // vitest 5's takes the try's options too (for its trace timeline); vitest 4's takes the test only.
      (super.onBeforeTryTask as (test: RunnerTestCase, options?: TryOptions) => void).call(this, test, options);
      const rt = runtime();
      const plan = repeatsOf.get(test);
      if (!rt || !plan) return;
      const mutant = plan[options?.repeats ?? 0] ?? NO_MUTANT;
      enterRepeat(mutant);
      if (mutant === NO_MUTANT) rt.startCanary();
      else rt.activate(mutant);
    }

    async onAfterRetryTask(test: RunnerTestCase, options: TryOptions): Promise<void> {
      // vitest 5's ends the try's trace here, from its result (before the reset below); vitest 4's has no such hook.
      await (Base.prototype as RunnerHooks).onAfterRetryTask?.call(this, test, options);
      const rt = runtime();
      const plan = repeatsOf.get(test);
      if (!rt || !plan || !test.result) return;
      const mutant = plan[options.repeats];
      const errors = (test.result.errors ?? []).map((error) => `${error.name ?? 'Error'}: ${error.message ?? ''}`);
      const hitLimit = rt.timedOut || errors.some((error) => error.includes(HIT_LIMIT_MARKER));
      const slow = !hitLimit && errors.some((error) => VITEST_TIMEOUT.test(error));
      const distrusted = mutant === NO_MUTANT ? canaryDistrusted(rt.endCanary(), rt.settings.expected?.[test.id] ?? []) : undefined;
      if (distrusted !== undefined) errors.unshift(distrusted);
      const failed = test.result.state === 'fail' || distrusted !== undefined;
      const outcome: BatchRecord[1] =
        mutant !== NO_MUTANT && rt.hits === 0 && !hitLimit
          ? 'unreached'
          : hitLimit
            ? 'timeout'
            : slow
              ? 'slow'
              : failed
                ? 'fail'
                : mutant !== NO_MUTANT && options.retry > 0
                  ? 'unsteady'
                  : 'pass';
      if (outcome === 'unsteady') errors.unshift(UNSTEADY);
      // A mutant's failure is tried again while retries are left (retryOf): vitest retries a try it finds failed.
      const confirming = mutant !== NO_MUTANT && outcome === 'fail' && options.retry < retryCount(retryOf(test, mutant));
      const records = (test.meta as TestMeta).assayBatch ?? [];
      // A retried try replaces the record of the same repeat: the last try counts, as in vitest.
      const record: BatchRecord = errors.length > 0 ? [mutant, outcome, errors[0]] : [mutant, outcome];
      if (records.length > 0 && records[records.length - 1][0] === mutant) records[records.length - 1] = record;
      else records.push(record);
      (test.meta as TestMeta).assayBatch = records;
      rt.activate(NO_MUTANT);
      if (confirming) return;
      if (mutant !== NO_MUTANT && outcome !== 'pass') decidedInRun().add(mutant);
      if (options.repeats < plan.length - 1) {
        // The next repeat starts clean, with no retry of this one (a passed try ends vitest's tries);
        // vitest reports the test's state after the last (canary) one (vitest 5 fails a test any
        // repeat of which ended failed: reset, none did).
        test.result.state = 'pass';
        test.result.errors = undefined;
        test.retry = retryOf(test, plan[options.repeats + 1]);
      } else {
        test.retry = ownRetry.get(test);
      }
    }
  };
}
