import { describe, expect, it } from 'vitest';
import { bounds, double, levelOf } from '../src/levels.js';

describe('levels', () => {
  it('tells high from low readings', () => {
    expect(levelOf(11)).toBe('high');
    expect(levelOf(10)).toBe('low');
  });

  it('finds the bounds', () => {
    expect(bounds([3, 1, 2])).toEqual([1, 3]);
  });

  it('doubles', () => {
    expect(double(4)).toBe(8);
  });
});
