import { describe, expect, it } from 'vitest';
import { intersectRanges, mergeRanges } from '../../../src/select/line-ranges.js';

const r = (start: number, end: number) => ({ start, end });

describe('mergeRanges', () => {
  it('sorts, and joins overlapping and adjacent ranges', () => {
    expect(mergeRanges([r(10, 12), r(1, 2), r(3, 3), r(11, 20), r(30, 30)])).toEqual([r(1, 3), r(10, 20), r(30, 30)]);
  });

  it('keeps ranges a line apart separate', () => {
    expect(mergeRanges([r(1, 2), r(4, 5)])).toEqual([r(1, 2), r(4, 5)]);
  });

  it('does not change its input', () => {
    const input = [r(3, 4), r(1, 3)];
    mergeRanges(input);
    expect(input).toEqual([r(3, 4), r(1, 3)]);
  });
});

describe('intersectRanges', () => {
  it('keeps the lines in both', () => {
    expect(intersectRanges([r(1, 10), r(20, 30)], [r(5, 22), r(29, 40)])).toEqual([r(5, 10), r(20, 22), r(29, 30)]);
  });

  it('is empty when nothing is shared', () => {
    expect(intersectRanges([r(1, 4)], [r(5, 9)])).toEqual([]);
    expect(intersectRanges([], [r(5, 9)])).toEqual([]);
  });
});
