import { describe, expect, it } from 'vitest';
import { parseMutatePattern } from '../../../src/config/mutate-pattern.js';
import { applyMutatePatterns } from '../../../src/select/mutate-selection.js';

const names = ['src/a.ts', 'src/a.test.ts', 'src/b.ts', 'src/util/c.ts', 'lib/d.ts'];
const select = (...patterns: string[]) =>
  Object.fromEntries(applyMutatePatterns(names, patterns.map(parseMutatePattern)));

describe('applyMutatePatterns', () => {
  it('selects what a glob matches, whole', () => {
    expect(select('src/*.ts')).toEqual({
      'src/a.ts': undefined,
      'src/a.test.ts': undefined,
      'src/b.ts': undefined,
    });
  });

  it('removes what a later negation matches', () => {
    expect(select('src/**/*.ts', '!src/**/*.test.ts', '!src/util/**')).toEqual({
      'src/a.ts': undefined,
      'src/b.ts': undefined,
    });
  });

  it('re-adds what a pattern after a negation matches, as StrykerJS does', () => {
    expect(select('src/*.ts', '!src/a*', 'src/a.test.ts')).toEqual({
      'src/a.test.ts': undefined,
      'src/b.ts': undefined,
    });
  });

  it('keeps line ranges, merging ranges of the same file', () => {
    expect(select('src/a.ts:1-3', 'lib/d.ts:10-20', 'src/a.ts:7-9')).toEqual({
      'src/a.ts': [
        { start: 1, end: 3 },
        { start: 7, end: 9 },
      ],
      'lib/d.ts': [{ start: 10, end: 20 }],
    });
  });

  it('lets a whole-file selection win over a range, in either order', () => {
    expect(select('src/a.ts:1-3', 'src/*.ts', 'src/b.ts:2-4')).toEqual({
      'src/a.ts': undefined,
      'src/a.test.ts': undefined,
      'src/b.ts': undefined,
    });
  });

  it('removes a whole file on a negation with a range', () => {
    expect(select('src/a.ts', 'src/b.ts', '!src/a.ts:1-2')).toEqual({ 'src/b.ts': undefined });
  });

  it('does not let a negation select anything', () => {
    expect(select('!src/a.ts')).toEqual({});
  });

  it('supports brace and extended globs', () => {
    expect(select('{src,lib}/!(*.test).ts')).toEqual({
      'src/a.ts': undefined,
      'src/b.ts': undefined,
      'lib/d.ts': undefined,
    });
  });
});
