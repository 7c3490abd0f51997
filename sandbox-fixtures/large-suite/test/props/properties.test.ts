import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { slugify } from '../../src/case';
import { clamp } from '../../src/range';

// Fixed seeds: every run draws the same values.
describe('slugify', () => {
  test.prop([fc.string()], { seed: 11 })('leaves no upper-case letter and no space', (text) => {
    expect(slugify(text)).not.toMatch(/[A-Z ]/);
  });

  test.prop([fc.string()], { seed: 12 })('is idempotent', (text) => {
    expect(slugify(slugify(text))).toBe(slugify(text));
  });
});

describe('clamp', () => {
  const bounds = fc.tuple(fc.integer(), fc.integer()).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

  test.prop([fc.integer(), bounds], { seed: 7, numRuns: 200 })('stays within the bounds', (value, [min, max]) => {
    const result = clamp(value, min, max);
    expect(result).toBeGreaterThanOrEqual(min);
    expect(result).toBeLessThanOrEqual(max);
  });

  test.prop([bounds], { seed: 8 })('keeps a value inside the bounds', ([min, max]) => {
    const value = min + Math.floor((max - min) / 2);
    expect(clamp(value, min, max)).toBe(value);
  });

  test.prop([fc.integer(), fc.integer()], { seed: 9 })('a one-point range', (value, point) => {
    expect(clamp(value, point, point)).toBe(point);
  });
});
