import { describe, expect, it } from 'vitest';
import { plannedOnly, verdictFor } from '../../../src/execute/verdict.js';
import type { RunOutcome, TestOutcome } from '../../../src/vitest/session.js';

const test = (id: string, state: TestOutcome['state'], errors: string[] = [], timedOut?: boolean): TestOutcome => ({
  id,
  name: id,
  project: '',
  moduleId: '/t/a.test.ts',
  state,
  durationMs: 1,
  errors,
  timedOut,
});
const outcome = (tests: TestOutcome[], fileErrors: string[] = [], unhandledErrors: string[] = []): RunOutcome => ({
  tests,
  files: [{ project: '', moduleId: '/t/a.test.ts', errors: fileErrors, staticCoverage: [], hits: [], timedOut: false, leaked: [] }],
  unhandledErrors,
});

describe('verdictFor (one mutant, one vitest run)', () => {
  it('is Survived only when every planned test ran and passed', () => {
    expect(verdictFor(outcome([test('a', 'passed'), test('b', 'passed'), test('c', 'skipped')]), 2)).toEqual({
      status: 'Survived',
      killedBy: [],
      testsCompleted: 2,
    });
    expect(verdictFor(outcome([test('a', 'passed'), test('b', 'skipped')]), 2)).toEqual({
      retry: 'only 1 of 2 planned tests ran with the mutant active',
    });
  });

  it('is Killed by failing tests, or by a test file that fails to load', () => {
    expect(verdictFor(outcome([test('a', 'passed'), test('b', 'failed', ['AssertionError: x'])]), 2)).toEqual({
      status: 'Killed',
      statusReason: 'AssertionError: x',
      killedBy: ['b'],
      testsCompleted: 2,
    });
    expect(verdictFor(outcome([], ['TypeError: boom at import']), 2)).toMatchObject({ status: 'Killed', statusReason: 'TypeError: boom at import' });
  });

  it('is Timeout when the hit limit stopped the mutant or vitest timed a test out', () => {
    expect(verdictFor(outcome([test('a', 'failed', ['Error: ASSAY_HIT_LIMIT: mutant 3 was reached more than 10 times'])]), 1)).toMatchObject({
      status: 'Timeout',
      statusReason: 'Error: ASSAY_HIT_LIMIT: mutant 3 was reached more than 10 times',
    });
    expect(verdictFor(outcome([test('a', 'passed', [], true)]), 1)).toMatchObject({ status: 'Timeout' });
    expect(verdictFor(outcome([test('a', 'failed', ['Error: Test timed out in 5000ms.'])]), 1)).toMatchObject({
      status: 'Timeout',
      statusReason: 'Error: Test timed out in 5000ms.',
    });
  });
});

describe('plannedOnly (a run that selected more tests than planned, as vitest 4.0 does by line)', () => {
  const other = { ...test('b', 'passed'), moduleId: '/t/b.test.ts' };
  const run = (tests: TestOutcome[]) => ({ ...outcome(tests), files: [...outcome([]).files, { ...outcome([]).files[0], moduleId: '/t/b.test.ts' }] });

  it('keeps the planned tests of the planned files, and every test of a file planned whole', () => {
    const ran = run([test('a', 'passed'), test('a-sibling', 'failed', ['AssertionError: x']), other]);
    expect(plannedOnly(ran, [{ project: '', moduleId: '/t/a.test.ts', testIds: ['a'] }])).toEqual({
      tests: [test('a', 'passed')],
      files: [outcome([]).files[0]],
      unhandledErrors: [],
    });
    expect(plannedOnly(ran, [{ project: '', moduleId: '/t/b.test.ts' }]).tests).toEqual([other]);
  });

  it('lets no extra test kill the mutant or stand in for a planned test that did not run', () => {
    const planned = [{ project: '', moduleId: '/t/a.test.ts', testIds: ['a', 'c'] }];
    // 'c' was skipped; its same-line sibling ran and failed: without the filter, 2 of 2 "completed" and the sibling killed.
    const ran = outcome([test('a', 'passed'), test('c', 'skipped'), test('c-sibling', 'failed', ['AssertionError: x'])]);
    expect(verdictFor(plannedOnly(ran, planned), 2)).toEqual({ retry: 'only 1 of 2 planned tests ran with the mutant active' });
  });
});
