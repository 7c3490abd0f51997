/**
 * The control run's decisions: which planned selections it runs (cheapest first, on other test
 * files each try), when it passed, and the error that stops the run when it did not.
 */
import { describe, expect, it } from 'vitest';
import { CONTROL_TRIES, controlFailure, controlPassed, controlRuns } from '../../../src/execute/control.js';
import { verdictFor } from '../../../src/execute/verdict.js';
import { InternalError } from '../../../src/errors.js';
import { outcome, run, test } from './runs.js';

const costing = (expectedMs: number, ...args: Parameters<typeof run>) => ({ ...run(...args), expectedMs });

describe('controlRuns', () => {
  it('takes the cheapest selections, each on test files no earlier one used, at most CONTROL_TRIES', () => {
    const runs = [
      costing(30, 1, 'src/a.ts', { '/t/a.test.ts': ['a1'] }),
      costing(5, 2, 'src/a.ts', { '/t/a.test.ts': ['a2'] }),
      costing(10, 3, 'src/b.ts', { '/t/a.test.ts': ['a1'], '/t/b.test.ts': ['b1'] }),
      costing(20, 4, 'src/c.ts', { '/t/c.test.ts': ['c1'] }),
      costing(40, 5, 'src/d.ts', { '/t/d.test.ts': ['d1'] }),
      costing(50, 6, 'src/e.ts', { '/t/e.test.ts': ['e1'] }),
    ];
    expect(controlRuns(runs).map((chosen) => chosen.mutant.id)).toEqual([2, 4, 5]);
    expect(CONTROL_TRIES).toBe(3);
  });

  it('prefers selections of single tests to static runs, which load whole files', () => {
    const runs = [{ ...costing(1, 1, 'src/a.ts', { '/t/a.test.ts': ['a1'] }), static: true }, costing(9, 2, 'src/b.ts', { '/t/b.test.ts': ['b1'] })];
    expect(controlRuns(runs).map((chosen) => chosen.mutant.id)).toEqual([2, 1]);
  });

  it('has nothing to run without runs', () => {
    expect(controlRuns([])).toEqual([]);
  });
});

describe('controlPassed', () => {
  it('passes only when every planned test ran and passed with no mutant active', () => {
    expect(controlPassed(verdictFor(outcome([test('a', []), test('b', [])]), 2))).toBe(true);
    // What vitest 4.0 answered a selection by test id: every run failed, which scored every mutant Killed.
    const broken = outcome([], { files: [{ ...outcome([]).files[0], errors: ['TypeError: testLocations.filter is not a function'] }] });
    expect(controlPassed(verdictFor(broken, 2))).toBe(false);
    expect(controlPassed(verdictFor(outcome([test('a', [], { state: 'failed', errors: ['AssertionError: x'] })]), 1))).toBe(false);
    expect(controlPassed(verdictFor(outcome([test('a', []), test('b', [], { state: 'skipped' })]), 2))).toBe(false);
    expect(controlPassed({ status: 'Timeout', statusReason: 'no result within 900 ms', killedBy: [], testsCompleted: 0 })).toBe(false);
  });
});

describe('controlFailure', () => {
  it('is an internal error (exit 4) naming what each try showed', () => {
    const error = controlFailure(['/t/a.test.ts: TypeError: testLocations.filter is not a function', '/t/b.test.ts: only 0 of 1 planned tests ran with the mutant active']);
    expect(error).toBeInstanceOf(InternalError);
    expect(error.exitCode).toBe(4);
    expect(error.message).toBe(
      'internal error: planned tests run with no mutant active did not pass as in the dry run (/t/a.test.ts: TypeError: testLocations.filter is not a function; /t/b.test.ts: only 0 of 1 planned tests ran with the mutant active), so no verdict of this run could be trusted and none is reported: this is a bug in assay, please report it with your vitest version',
    );
  });
});
