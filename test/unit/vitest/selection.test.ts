/**
 * specificationTests: what a run hands vitest to select tests of one file — ids (4.1+), or the
 * dry run's lines of those tests (4.0), all of the file when a line is unknown.
 */
import { describe, expect, it } from 'vitest';
import { NO_TEST_ON_LINE, specificationTests } from '../../../src/vitest/selection.js';

const lines = new Map([['a', 12], ['b', 4], ['each-1', 20], ['each-2', 20]]);

describe('specificationTests', () => {
  it('runs the whole file when no tests are named', () => {
    expect(specificationTests(undefined, true, lines)).toBeUndefined();
    expect(specificationTests(undefined, false, lines)).toBeUndefined();
  });

  it('names test ids where vitest selects by id', () => {
    expect(specificationTests(['a', 'unknown'], true, lines)).toEqual({ testIds: ['a', 'unknown'] });
  });

  it('names each line once, in order, where vitest selects by line', () => {
    expect(specificationTests(['a', 'each-2', 'b', 'each-1'], false, lines)).toEqual([4, 12, 20]);
  });

  it('runs the whole file when a test has no known line, rather than miss it', () => {
    expect(specificationTests(['a', 'unknown'], false, lines)).toBeUndefined();
  });
});

describe('NO_TEST_ON_LINE', () => {
  it("matches vitest 4.0's error for a listed line without a test, and nothing else", () => {
    expect(NO_TEST_ON_LINE.test('Error: No test found in src/a.test.ts in line 12')).toBe(true);
    expect(NO_TEST_ON_LINE.test('Error: No test found in src/a.test.ts in lines 12, 20')).toBe(true);
    expect(NO_TEST_ON_LINE.test('Error: No test found in suite math')).toBe(false);
    expect(NO_TEST_ON_LINE.test('AssertionError: No test found in line 3')).toBe(false);
  });
});
