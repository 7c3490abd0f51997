/**
 * The batch runner's bail across runner instances (src/vitest/batch-runner.ts): vitest may make a
 * runner for each test file, even in one thread and one run, so a mutant decided by a test of one
 * file must be skipped by the next file's runner in that run, and run again in the thread's next run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunnerTestCase } from 'vitest';
import { withBatchRuns } from '../../../src/vitest/batch-runner.js';

/** vitest's runner hooks, doing nothing: the mixin calls them through `super`. */
class Base {
  config = { testTimeout: 5000 };
  async onBeforeRunSuite(): Promise<void> {}
  importFile(): unknown {
    return undefined;
  }
  async onBeforeRunTask(): Promise<void> {}
  async onAfterRunTask(): Promise<void> {}
  onBeforeTryTask(): void {}
  async onAfterRetryTask(): Promise<void> {}
}
const Runner = withBatchRuns(Base as never) as unknown as new () => Base & {
  onBeforeRunTask(test: RunnerTestCase): Promise<void>;
  onBeforeTryTask(test: RunnerTestCase, options: { retry: number; repeats: number }): void;
  onAfterRetryTask(test: RunnerTestCase, options: { retry: number; repeats: number }): Promise<void>;
};

/** The setup file's runtime in batch mode, in session run `run`, with mutant 5 then the canary planned for tests t1 and t2. */
function runtime(run: number) {
  return {
    settings: { mode: 'batch', active: -1, hitLimit: 0, bail: true, run, plan: { t1: [5, -1], t2: [5, -1] }, expected: { t1: [], t2: [] } },
    timedOut: false,
    hits: 1,
    activate() {},
    startCanary() {},
    endCanary: () => [],
  };
}

const testCase = (id: string) => ({ id, meta: {}, mode: 'run', repeats: 0, result: { state: 'run' } }) as unknown as RunnerTestCase;

afterEach(() => {
  delete (globalThis as { __assay?: unknown }).__assay;
});

describe('the batch runner', () => {
  it("skips a mutant decided in the run's earlier file, under another runner, and runs it again in the next run", async () => {
    (globalThis as { __assay?: unknown }).__assay = runtime(7);
    const first = new Runner();
    const t1 = testCase('t1');
    await first.onBeforeRunTask(t1);
    expect(t1.repeats).toBe(1); // mutant 5, then the canary
    // It fails, and again when tried at once (see 'a mutant whose repeat fails' below).
    for (const retry of [0, 1]) {
      first.onBeforeTryTask(t1, { retry, repeats: 0 });
      t1.result = { state: 'fail', errors: [{ name: 'AssertionError', message: 'expected 1 to be 2' }] } as RunnerTestCase['result'];
      await first.onAfterRetryTask(t1, { retry, repeats: 0 });
    }
    expect(t1.meta).toEqual({ assayBatch: [[5, 'fail', 'AssertionError: expected 1 to be 2']] });

    // The next file's runner, same thread and run: the canary only.
    const t2 = testCase('t2');
    await new Runner().onBeforeRunTask(t2);
    expect(t2.repeats).toBe(0);

    // The thread's next run (a warm thread serves several): mutant 5 again.
    (globalThis as { __assay?: unknown }).__assay = runtime(8);
    const again = testCase('t2');
    await new Runner().onBeforeRunTask(again);
    expect(again.repeats).toBe(1);
  });

  describe('a mutant whose repeat fails is tried again at once', () => {
    const failed = () => ({ state: 'fail', errors: [{ name: 'AssertionError', message: 'expected 1 to be 2' }] }) as RunnerTestCase['result'];
    const passed = () => ({ state: 'pass' }) as RunnerTestCase['result'];

    /** In session run `run` (each case its own: a decided mutant is skipped for the rest of its run); `own`: the test's own options. */
    async function planned(run: number, own: Partial<RunnerTestCase> = {}) {
      (globalThis as { __assay?: unknown }).__assay = runtime(run);
      const runner = new Runner();
      const test = { ...testCase('t1'), ...own } as unknown as RunnerTestCase;
      await runner.onBeforeRunTask(test);
      return { runner, test };
    }

    async function attempt(runner: InstanceType<typeof Runner>, test: RunnerTestCase, retry: number, result: RunnerTestCase['result']) {
      runner.onBeforeTryTask(test, { retry, repeats: 0 });
      test.result = result;
      await runner.onAfterRetryTask(test, { retry, repeats: 0 });
    }

    it('a second failure kills it; the canary keeps the test\'s own retry', async () => {
      const { runner, test } = await planned(11);
      // vitest reads `retry` as the repeat starts: one retry for the mutant's repeat.
      expect(test.retry).toBe(1);
      await attempt(runner, test, 0, failed());
      // Left failed, so that vitest tries it again.
      expect(test.result?.state).toBe('fail');
      await attempt(runner, test, 1, failed());
      expect(test.meta).toEqual({ assayBatch: [[5, 'fail', 'AssertionError: expected 1 to be 2']] });
      expect(test.result).toEqual({ state: 'pass', errors: undefined });
      expect(test.retry).toBeUndefined();
    });

    it('a pass the second time makes it unsteady: it runs on its own', async () => {
      const { runner, test } = await planned(12);
      await attempt(runner, test, 0, failed());
      await attempt(runner, test, 1, passed());
      expect(test.meta).toEqual({ assayBatch: [[5, 'unsteady', 'assay: failed, then passed when run again at once (state left by the repeat before)']] });
    });

    it("a test's own retries are all tried, and the canary keeps them", async () => {
      const { runner, test } = await planned(13, { retry: 2 });
      expect(test.retry).toBe(2);
      await attempt(runner, test, 0, failed());
      await attempt(runner, test, 1, failed());
      expect(test.result?.state).toBe('fail');
      await attempt(runner, test, 2, failed());
      expect(test.meta).toEqual({ assayBatch: [[5, 'fail', 'AssertionError: expected 1 to be 2']] });
      expect(test.retry).toBe(2);
    });

    it('a repeat that passes the first time is not tried again, nor one of a test expected to fail', async () => {
      const { runner, test } = await planned(14);
      await attempt(runner, test, 0, passed());
      expect(test.meta).toEqual({ assayBatch: [[5, 'pass']] });
      expect(test.result?.state).toBe('pass');
      expect((await planned(15, { fails: true })).test.retry).toBeUndefined();
    });
  });
});
