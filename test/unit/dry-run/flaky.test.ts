import { describe, expect, it } from 'vitest';
import { FAILED_THEN_PASSED, PASSED_THEN_FAILED, withFlaky, withoutFlipped } from '../../../src/dry-run/flaky.js';
import type { DryRunResult } from '../../../src/dry-run/index.js';
import type { RunOutcome, TestOutcome, TestState } from '../../../src/vitest/session.js';

const test = (id: string, state: TestState, coverage: number[] = []): TestOutcome => ({
  id,
  name: id,
  project: '',
  moduleId: '/t/a.test.ts',
  state,
  durationMs: 1,
  errors: [],
  coverage,
});
const outcome = (tests: TestOutcome[]): RunOutcome => ({ tests, files: [], unhandledErrors: [] });

describe('withoutFlipped', () => {
  it('takes out the tests whose result flipped between two runs, each as it ran when it passed', () => {
    const first = outcome([test('steady', 'passed'), test('late', 'passed', [1]), test('early', 'failed'), test('broken', 'failed')]);
    const second = outcome([test('steady', 'passed'), test('late', 'failed'), test('early', 'passed', [2]), test('broken', 'failed')]);
    const { outcome: kept, flaky } = withoutFlipped(first, second);
    expect(kept.tests.map((t) => [t.id, t.state])).toEqual([['steady', 'passed'], ['broken', 'failed']]);
    expect(flaky.map(({ test: t, reason }) => [t.id, t.coverage, reason])).toEqual([
      ['late', [1], PASSED_THEN_FAILED],
      ['early', [2], FAILED_THEN_PASSED],
    ]);
  });

  it('does not count a test that did not run in one of the runs (a bail skipped it) as flipped', () => {
    const first = outcome([test('failing', 'failed'), test('after', 'skipped')]);
    const second = outcome([test('failing', 'failed'), test('after', 'failed')]);
    const { outcome: kept, flaky } = withoutFlipped(first, second);
    expect(flaky).toEqual([]);
    expect(kept.tests.map((t) => [t.id, t.state])).toEqual([['failing', 'failed'], ['after', 'failed']]);
  });
});

describe('withFlaky', () => {
  it('moves tests from the dry run to its flaky tests, keeping what they reached', () => {
    const dry: DryRunResult = {
      tests: [{ id: 'a', name: 'a', fileName: 't/a.test.ts', durationMs: 1 }, { id: 'b', name: 'b', fileName: 't/a.test.ts', durationMs: 1 }],
      testFile: { a: { project: '', moduleId: '/t/a.test.ts' }, b: { project: '', moduleId: '/t/a.test.ts' } },
      coverage: { a: [1], b: [2] },
      staticIn: {},
      hits: {},
      fileHits: {},
      waitMs: {},
      durationMs: 1,
      threads: 'shared',
      testFiles: { related: 1, found: 1 },
      flaky: [],
      flakyFile: {},
      flakyCoverage: {},
      imports: { loaded: {}, configFiles: [] },
    };
    const moved = withFlaky(dry, new Set(['b']), PASSED_THEN_FAILED);
    expect(moved.tests.map((t) => t.id)).toEqual(['a']);
    expect(moved.coverage).toEqual({ a: [1] });
    expect(moved.testFile).toEqual({ a: { project: '', moduleId: '/t/a.test.ts' } });
    expect(moved.flaky).toEqual([{ id: 'b', name: 'b', fileName: 't/a.test.ts', reason: PASSED_THEN_FAILED }]);
    expect(moved.flakyCoverage).toEqual({ b: [2] });
    expect(moved.flakyFile).toEqual({ b: { project: '', moduleId: '/t/a.test.ts' } });
  });
});
