import { describe, expect, it } from 'vitest';
import { ignoreMatcher } from '../../../src/select/ignore-patterns.js';

const ignored = (patterns: string[], names: string[]) => names.filter(ignoreMatcher(patterns));

describe('ignoreMatcher', () => {
  const names = ['src/a.ts', 'src/gen/b.ts', 'gen/c.ts', 'src/deep/gen/d.ts', 'src/e.generated.ts'];

  it('ignores nothing without patterns', () => {
    expect(ignored([], names)).toEqual([]);
  });

  it('matches a name without a slash at any depth, including directories', () => {
    expect(ignored(['gen'], names)).toEqual(['src/gen/b.ts', 'gen/c.ts', 'src/deep/gen/d.ts']);
    expect(ignored(['*.generated.ts'], names)).toEqual(['src/e.generated.ts']);
  });

  it('anchors a pattern with a leading or inner slash to the root', () => {
    expect(ignored(['/gen'], names)).toEqual(['gen/c.ts']);
    expect(ignored(['src/gen'], names)).toEqual(['src/gen/b.ts']);
  });

  it('treats a trailing slash like the directory name', () => {
    expect(ignored(['gen/'], names)).toEqual(['src/gen/b.ts', 'gen/c.ts', 'src/deep/gen/d.ts']);
  });

  it('un-ignores with a later negation, and re-ignores after it', () => {
    expect(ignored(['gen', '!src/deep'], names)).toEqual(['src/gen/b.ts', 'gen/c.ts']);
    expect(ignored(['gen', '!src/deep', 'd.ts'], names)).toEqual([
      'src/gen/b.ts',
      'gen/c.ts',
      'src/deep/gen/d.ts',
    ]);
  });

  it('matches dot directories', () => {
    expect(ignored(['cache'], ['.cache/x.ts', 'src/.cache/y.ts', 'src/z.ts'])).toEqual([]);
    expect(ignored(['.cache'], ['.cache/x.ts', 'src/.cache/y.ts', 'src/z.ts'])).toEqual([
      '.cache/x.ts',
      'src/.cache/y.ts',
    ]);
  });
});
