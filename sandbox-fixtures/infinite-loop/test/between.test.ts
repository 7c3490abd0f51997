import { describe, expect, it } from 'vitest';
import { sumBetween } from '../src/between';

describe('sumBetween', () => {
  it('counts up', () => {
    expect(sumBetween(1, 4)).toBe(10);
  });

  it('counts down', () => {
    expect(sumBetween(3, -1)).toBe(5);
  });
});
