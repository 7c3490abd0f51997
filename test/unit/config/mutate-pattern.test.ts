import { describe, expect, it } from 'vitest';
import { mutatePatternProblem, parseMutatePattern } from '../../../src/config/mutate-pattern.js';

describe('parseMutatePattern', () => {
  it('reads a plain glob', () => {
    expect(parseMutatePattern('src/**/*.ts')).toEqual({ negated: false, glob: 'src/**/*.ts' });
  });

  it('reads a negation', () => {
    expect(parseMutatePattern('!src/**/*.test.ts')).toEqual({ negated: true, glob: 'src/**/*.test.ts' });
  });

  it('reads a line range', () => {
    expect(parseMutatePattern('src/a.ts:10-20')).toEqual({
      negated: false,
      glob: 'src/a.ts',
      range: { start: 10, end: 20 },
    });
  });

  it("reads Stryker's line:column range form, keeping the lines", () => {
    expect(parseMutatePattern('src/a.ts:5:4-6:2')).toEqual({
      negated: false,
      glob: 'src/a.ts',
      range: { start: 5, end: 6 },
    });
  });

  it('drops a leading ./', () => {
    expect(parseMutatePattern('./src/a.ts:1-2')).toEqual({
      negated: false,
      glob: 'src/a.ts',
      range: { start: 1, end: 2 },
    });
    expect(parseMutatePattern('!./src/b.ts')).toEqual({ negated: true, glob: 'src/b.ts' });
  });

  it('leaves colons that are not a range suffix in the path', () => {
    expect(parseMutatePattern('src/a:b.ts')).toEqual({ negated: false, glob: 'src/a:b.ts' });
    expect(parseMutatePattern('src/a.ts:10')).toEqual({ negated: false, glob: 'src/a.ts:10' });
  });
});

describe('mutatePatternProblem', () => {
  it('accepts globs and valid ranges', () => {
    expect(mutatePatternProblem('src/**/*.ts')).toBeUndefined();
    expect(mutatePatternProblem('src/a.ts:1-1')).toBeUndefined();
    expect(mutatePatternProblem('!src/a.ts:3-4')).toBeUndefined();
  });

  it('rejects a glob with a range', () => {
    expect(mutatePatternProblem('src/*.ts:1-2')).toBe('cannot combine a glob with a line range');
  });

  it('rejects a range starting before line 1', () => {
    expect(mutatePatternProblem('src/a.ts:0-2')).toBe('has a line range that starts before line 1');
  });

  it('rejects a range ending before it starts', () => {
    expect(mutatePatternProblem('src/a.ts:5-4')).toBe('has a line range that ends before it starts');
  });
});
