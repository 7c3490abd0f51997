import { describe, expect, it } from 'vitest';
import { digitSum, factorial } from '../src/numbers';

describe('factorial', () => {
  it('multiplies 1 to n', () => {
    expect(factorial(5)).toBe(120);
    expect(factorial(2)).toBe(2);
  });

  it('is 1 for 0 and 1', () => {
    expect(factorial(0)).toBe(1);
    expect(factorial(1)).toBe(1);
  });
});

describe('digitSum', () => {
  it('agrees with adding up the written digits, for every number below 10000', () => {
    for (let n = 0; n < 10_000; n++) {
      const written = [...String(n)].reduce((sum, digit) => sum + Number(digit), 0);
      expect(digitSum(n)).toBe(written);
    }
  });
});
