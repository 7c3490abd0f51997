import { describe, expect, it } from 'vitest';
import { testTimeouts, timeoutAllowance } from '../../../src/execute/test-timeouts.js';
import type { TestFacts } from '../../../src/execute/batches.js';
import { fileKey } from '../../../src/vitest/session.js';

const a = { project: '', moduleId: '/t/a.test.ts' };
const b = { project: 'unit', moduleId: '/t/b.test.ts' };

/** Dry-run facts of tests a1 (4 ms), a2 (30 ms) in a.test.ts and b1 (0 ms) in project unit's b.test.ts. */
const facts: TestFacts = {
  duration: new Map([['a1', 4], ['a2', 30], ['b1', 0]]),
  coverage: {},
  lines: new Map(),
  files: { a1: a, a2: a, b1: b },
};

describe('testTimeouts', () => {
  it('gives each file ten times its slowest planned test plus 500 ms', () => {
    expect(testTimeouts([{ ...a, testIds: ['a1'] }, { ...b, testIds: ['b1'] }], facts)).toEqual({ [fileKey(a)]: 540, [fileKey(b)]: 500 });
  });

  it("takes a whole file's slowest test when no tests are named", () => {
    expect(testTimeouts([a], facts)).toEqual({ [fileKey(a)]: 800 });
  });

  it('keeps the longest where a file is listed more than once', () => {
    expect(testTimeouts([{ ...a, testIds: ['a2'] }, { ...a, testIds: ['a1'] }], facts)).toEqual({ [fileKey(a)]: 800 });
  });
});

describe('timeoutAllowance', () => {
  it("allows each run the longest timeout of its files once", () => {
    const timeouts = { [fileKey(a)]: 800, [fileKey(b)]: 500 };
    expect(timeoutAllowance([{ selection: [a, b] }, { selection: [b] }], timeouts)).toBe(1300);
  });
});
