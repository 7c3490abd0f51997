import { describe, expect, it } from 'vitest';
import { gcd, sumTo } from '../src/loops';

describe('sumTo', () => {
  it('adds up 1 to n', () => {
    expect(sumTo(4)).toBe(10);
  });

  it('is 0 for n = 0', () => {
    expect(sumTo(0)).toBe(0);
  });
});

describe('gcd', () => {
  it('finds the greatest common divisor', () => {
    expect(gcd(12, 18)).toBe(6);
    expect(gcd(7, 5)).toBe(1);
  });
});
