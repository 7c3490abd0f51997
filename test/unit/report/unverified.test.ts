import { describe, expect, it } from 'vitest';
import { formatRanges, toRanges, unverifiedLines } from '../../../src/report/unverified.js';
import { mutantOnLine } from './fixtures.js';

describe('unverifiedLines', () => {
  it('takes lines only from Survived mutants, not NoCoverage, Killed, Timeout or errors', () => {
    const lines = unverifiedLines([
      mutantOnLine('Killed', 1),
      mutantOnLine('Survived', 2),
      mutantOnLine('NoCoverage', 3),
      mutantOnLine('Timeout', 4),
      mutantOnLine('RuntimeError', 5),
      mutantOnLine('CompileError', 6),
      mutantOnLine('Ignored', 7),
      mutantOnLine('Survived', 8),
    ]);
    expect(lines).toEqual([2, 8]);
  });

  it('sorts lines numerically and lists each once', () => {
    const lines = unverifiedLines([
      mutantOnLine('Survived', 10),
      mutantOnLine('Survived', 9),
      mutantOnLine('Survived', 10),
      mutantOnLine('Survived', 100),
      mutantOnLine('Survived', 2),
    ]);
    expect(lines).toEqual([2, 9, 10, 100]);
  });

  it('uses the start line of a mutant that spans lines', () => {
    const spanning = mutantOnLine('Survived', 3);
    spanning.location.end.line = 6;
    expect(unverifiedLines([spanning])).toEqual([3]);
  });

  it('is empty without surviving mutants', () => {
    expect(unverifiedLines([])).toEqual([]);
    expect(unverifiedLines([mutantOnLine('NoCoverage', 1), mutantOnLine('Killed', 2)])).toEqual([]);
  });
});

describe('toRanges and formatRanges', () => {
  it('folds consecutive lines into ranges: [1,2,3,7] → 1-3,7', () => {
    const ranges = toRanges([1, 2, 3, 7]);
    expect(ranges).toEqual([
      { start: 1, end: 3 },
      { start: 7, end: 7 },
    ]);
    expect(formatRanges(ranges)).toBe('1-3,7');
  });

  it('keeps single lines and adjacent pairs apart correctly', () => {
    const ranges = toRanges([4, 6, 7, 9, 10, 11, 20]);
    expect(ranges).toEqual([
      { start: 4, end: 4 },
      { start: 6, end: 7 },
      { start: 9, end: 11 },
      { start: 20, end: 20 },
    ]);
    expect(formatRanges(ranges)).toBe('4,6-7,9-11,20');
  });

  it('handles no lines and one line', () => {
    expect(toRanges([])).toEqual([]);
    expect(formatRanges([])).toBe('');
    expect(toRanges([5])).toEqual([{ start: 5, end: 5 }]);
    expect(formatRanges(toRanges([5]))).toBe('5');
  });
});
