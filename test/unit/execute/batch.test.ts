import { describe, expect, it } from 'vitest';
import { formBatches, mostlyWaits } from '../../../src/execute/batches.js';
import { batchVerdicts } from '../../../src/execute/batch-verdict.js';
import { isUnprovenTimeout } from '../../../src/execute/verdict.js';
import { NO_MUTANT } from '../../../src/vitest/settings.js';
import { outcome, run, test } from './runs.js';

describe('formBatches', () => {
  it("sums what a batch's tests wait, as it sums their time: every (test, mutant) pair plus the canaries", () => {
    const runs = [run(1, 'src/a.ts', { '/t/a.test.ts': ['t1', 't2'] }), run(2, 'src/a.ts', { '/t/a.test.ts': ['t2'] })];
    const [batch] = formBatches(runs, { maxSize: 10, workers: 1 }, { duration: new Map([['t1', 10], ['t2', 100]]), wait: new Map([['t2', 90]]), coverage: {}, lines: new Map(), files: {} }, 'shared');
    expect([batch.expectedMs, batch.waitMs]).toEqual([2 * 10 + 3 * 100, 3 * 90]);
  });

  it('calls a batch mostly waiting from half its time waited, when it is expected to take 2 s or more', () => {
    expect(mostlyWaits({ expectedMs: 4000, waitMs: 2000 })).toBe(true);
    expect(mostlyWaits({ expectedMs: 4000, waitMs: 1900 })).toBe(false);
    expect(mostlyWaits({ expectedMs: 1900, waitMs: 1900 })).toBe(false);
  });

  it('cuts mutants in file order into batches of at most maxSize, with a canary last per test', () => {
    const runs = [
      run(1, 'src/a.ts', { '/t/a.test.ts': ['t1', 't2'] }),
      run(2, 'src/a.ts', { '/t/a.test.ts': ['t2'] }),
      run(3, 'src/a.ts', { '/t/a.test.ts': ['t1'], '/t/b.test.ts': ['t3'] }),
      run(4, 'src/b.ts', { '/t/b.test.ts': ['t3'] }),
    ];
    const batches = formBatches(runs, { maxSize: 2, workers: 1 }, {
      duration: new Map([['t1', 10], ['t2', 1], ['t3', 5]]),
      coverage: { t1: [1, 3], t2: [1, 2], t3: [3, 4] },
      lines: new Map(),
      files: {},
    }, 'shared');
    expect(batches.map((b) => b.runs.map((r) => r.mutant.id))).toEqual([[1, 2], [3, 4]]);
    expect(batches[0].task).toEqual({
      kind: 'batch',
      plan: { t1: [1, NO_MUTANT], t2: [1, 2, NO_MUTANT] },
      hitLimits: { 1: 1001, 2: 1002 },
      expected: { t1: [1, 3], t2: [1, 2] },
      selection: [{ project: '', moduleId: '/t/a.test.ts', testIds: ['t1', 't2'] }],
      threads: 'shared',
    });
    // t1 twice (mutant 1, canary) at 10 ms, t2 three times at 1 ms
    expect(batches[0].expectedMs).toBe(23);
    expect(batches[1].task.selection).toEqual([
      { project: '', moduleId: '/t/a.test.ts', testIds: ['t1'] },
      { project: '', moduleId: '/t/b.test.ts', testIds: ['t3'] },
    ]);
    expect(batches[1].task.plan).toEqual({ t1: [3, NO_MUTANT], t3: [3, 4, NO_MUTANT] });
  });

  it('keeps a test file that runs in two vitest projects apart, one selection per project', () => {
    const inTwoProjects = run(1, 'src/a.ts', {});
    inTwoProjects.selection = [
      { project: 'unit', moduleId: '/t/a.test.ts', testIds: ['t1'] },
      { project: 'strict', moduleId: '/t/a.test.ts', testIds: ['t1-strict'] },
    ];
    const [batch] = formBatches([inTwoProjects], { maxSize: 10, workers: 1 }, { duration: new Map(), coverage: {}, lines: new Map(), files: {} }, 'shared');
    expect(batch.task.selection).toEqual(inTwoProjects.selection);
  });

  it('sizes batches to about four per worker, between 20 and maxSize mutants', () => {
    const many = Array.from({ length: 400 }, (_, i) => run(i + 1, `src/m${Math.floor(i / 67)}.ts`, { '/t/a.test.ts': ['t1'] }));
    const facts = { duration: new Map<string, number>(), coverage: {}, lines: new Map<string, number>(), files: {} };
    expect(formBatches(many, { maxSize: 500, workers: 2 }, facts, 'shared').map((b) => b.runs.length)).toEqual([50, 50, 50, 50, 50, 50, 50, 50]);
    expect(formBatches(many, { maxSize: 30, workers: 2 }, facts, 'shared')).toHaveLength(14);
    expect(formBatches(many.slice(0, 30), { maxSize: 500, workers: 2 }, facts, 'shared').map((b) => b.runs.length)).toEqual([20, 10]);
  });

  it('cuts batches by expected test time too, to about four per worker, never below 5 s', () => {
    // 40 mutants: the first ten expect 8 s of tests each, the others 0.1 s; 83 s in all, at most 20.75 s a batch.
    const runs = Array.from({ length: 40 }, (_, i) => ({ ...run(i + 1, 'src/a.ts', { '/t/a.test.ts': ['t1'] }), expectedMs: i < 10 ? 8000 : 100 }));
    const facts = { duration: new Map<string, number>(), coverage: {}, lines: new Map<string, number>(), files: {} };
    expect(formBatches(runs, { maxSize: 500, workers: 1 }, facts, 'shared').map((b) => b.runs.length)).toEqual([2, 2, 2, 2, 20, 12]);
    // Quick tests: 40 × 0.1 s stays under 5 s, cut by count only.
    const quick = runs.map((each) => ({ ...each, expectedMs: 100 }));
    expect(formBatches(quick, { maxSize: 500, workers: 1 }, facts, 'shared').map((b) => b.runs.length)).toEqual([20, 20]);
  });
});

describe('batchVerdicts', () => {
  const runs = [run(1, 'src/a.ts', { '/t/a.test.ts': ['t1', 't2'] }), run(2, 'src/a.ts', { '/t/a.test.ts': ['t2'] })];

  it('kills on any failing record and lets survive only with every planned record passing', () => {
    const verdicts = batchVerdicts(
      runs,
      outcome([
        test('t1', [[1, 'pass'], [NO_MUTANT, 'pass']]),
        test('t2', [[1, 'fail', 'AssertionError: boom'], [2, 'pass'], [NO_MUTANT, 'pass']]),
      ]),
    );
    expect(verdicts.get(1)).toEqual({ status: 'Killed', statusReason: 'AssertionError: boom', killedBy: ['t2'], testsCompleted: 2 });
    expect(verdicts.get(2)).toEqual({ status: 'Survived', killedBy: [], testsCompleted: 1 });
  });

  it('settles nothing from a test whose canary failed, and nothing with a missing record', () => {
    const verdicts = batchVerdicts(
      runs,
      outcome([test('t1', [[1, 'pass'], [NO_MUTANT, 'pass']]), test('t2', [[1, 'pass'], [2, 'pass'], [NO_MUTANT, 'fail']])]),
    );
    expect([...verdicts.keys()]).toEqual([]);
    const missing = batchVerdicts(runs, outcome([test('t1', [[NO_MUTANT, 'pass']]), test('t2', [[2, 'pass'], [NO_MUTANT, 'pass']])]));
    expect([...missing.keys()]).toEqual([2]);
  });

  it('leaves a mutant whose code a repeat never reached to a run of its own', () => {
    const verdicts = batchVerdicts(
      runs,
      outcome([test('t1', [[1, 'unreached'], [NO_MUTANT, 'pass']]), test('t2', [[1, 'pass'], [2, 'pass'], [NO_MUTANT, 'pass']])]),
    );
    expect([...verdicts.keys()]).toEqual([2]);
  });

  it("gives vitest's test timeout as a Timeout the hit limit did not prove (a run of its own confirms it), and leaves runs with errors outside tests to runs of their own", () => {
    const records = [test('t1', [[1, 'slow', 'Error: Test timed out in 5000ms.'], [NO_MUTANT, 'pass']]), test('t2', [[1, 'pass'], [2, 'pass'], [NO_MUTANT, 'pass']])];
    const verdicts = batchVerdicts(runs, outcome(records));
    expect(verdicts.get(1)).toEqual({ status: 'Timeout', statusReason: 'Error: Test timed out in 5000ms.', killedBy: [], testsCompleted: 2 });
    expect(isUnprovenTimeout(verdicts.get(1)!)).toBe(true);
    expect(verdicts.get(2)).toMatchObject({ status: 'Survived' });
    expect(batchVerdicts(runs, outcome(records, { unhandledErrors: ['Error: late'] })).size).toBe(0);
  });

  it('scores a mutant the hit limit stopped as Timeout', () => {
    const verdicts = batchVerdicts(
      runs,
      outcome([
        test('t1', [[1, 'timeout', 'Error: ASSAY_HIT_LIMIT: mutant 1'], [NO_MUTANT, 'pass']]),
        test('t2', [[1, 'fail', 'AssertionError'], [2, 'pass'], [NO_MUTANT, 'pass']]),
      ]),
    );
    expect(verdicts.get(1)).toEqual({ status: 'Timeout', statusReason: 'Error: ASSAY_HIT_LIMIT: mutant 1', killedBy: [], testsCompleted: 2 });
  });

  it('lets the first test in run order decide between Killed and Timeout', () => {
    const verdicts = batchVerdicts(
      runs,
      outcome([
        test('t2', [[1, 'fail', 'AssertionError'], [2, 'pass'], [NO_MUTANT, 'pass']]),
        test('t1', [[1, 'timeout', 'Error: ASSAY_HIT_LIMIT: mutant 1'], [NO_MUTANT, 'pass']]),
      ]),
    );
    expect(verdicts.get(1)).toEqual({ status: 'Killed', statusReason: 'AssertionError', killedBy: ['t2'], testsCompleted: 2 });
  });

  it('decides from the first test that noticed the mutant: later tests may lack records (bail skipped them)', () => {
    const three = [run(1, 'src/a.ts', { '/t/a.test.ts': ['t1', 't2', 't3'] })];
    const killed = batchVerdicts(
      three,
      outcome([test('t1', [[1, 'pass'], [NO_MUTANT, 'pass']]), test('t2', [[1, 'fail', 'AssertionError'], [NO_MUTANT, 'pass']]), test('t3', [[NO_MUTANT, 'pass']])]),
    );
    expect(killed.get(1)).toEqual({ status: 'Killed', statusReason: 'AssertionError', killedBy: ['t2'], testsCompleted: 2 });
    const timedOut = batchVerdicts(three, outcome([test('t1', [[1, 'timeout', 'Error: ASSAY_HIT_LIMIT'], [NO_MUTANT, 'pass']]), test('t2', [[1, 'slow'], [NO_MUTANT, 'pass']])]));
    expect(timedOut.get(1)).toEqual({ status: 'Timeout', statusReason: 'Error: ASSAY_HIT_LIMIT', killedBy: [], testsCompleted: 2 });
    // A missing record before the deciding test does not stand in its way: bail skipped that test,
    // the mutant having failed in a file that ran earlier in the thread but comes later in the outcome.
    const gap = batchVerdicts(three, outcome([test('t1', [[NO_MUTANT, 'pass']]), test('t2', [[1, 'fail', 'AssertionError'], [NO_MUTANT, 'pass']])]));
    expect(gap.get(1)).toEqual({ status: 'Killed', statusReason: 'AssertionError', killedBy: ['t2'], testsCompleted: 1 });
    // A repeat before it that did not reach the mutant says nothing: earlier repeats changed the test's path.
    const unreached = batchVerdicts(three, outcome([test('t1', [[1, 'unreached'], [NO_MUTANT, 'pass']]), test('t2', [[1, 'fail', 'AssertionError'], [NO_MUTANT, 'pass']])]));
    expect(unreached.size).toBe(0);
    // Nor does a failure whose canary failed: no record of that test is trusted.
    const untrusted = batchVerdicts(three, outcome([test('t1', [[1, 'fail', 'AssertionError'], [NO_MUTANT, 'fail']])]));
    expect(untrusted.size).toBe(0);
    const survivedInPart = batchVerdicts(three, outcome([test('t1', [[1, 'pass'], [NO_MUTANT, 'pass']]), test('t2', [[1, 'pass'], [NO_MUTANT, 'pass']])]));
    expect(survivedInPart.size).toBe(0);
  });

  it('settles nothing from a test file that found global state changed by an earlier file', () => {
    const records = [test('t1', [[1, 'fail', 'AssertionError'], [NO_MUTANT, 'pass']]), test('t2', [[1, 'pass'], [2, 'pass'], [NO_MUTANT, 'pass']])];
    const leaked = outcome(records, {
      files: [{ project: '', moduleId: '/t/a.test.ts', errors: [], staticCoverage: [], hits: [], timedOut: false, leaked: ['process.env.LOCALE'] }],
    });
    expect(batchVerdicts(runs, leaked).size).toBe(0);
    expect(batchVerdicts(runs, outcome(records)).size).toBe(2);
  });
});
