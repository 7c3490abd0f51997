import { describe, expect, it } from 'vitest';
import { discounted, lineTotal } from '../src/price';
import { order } from './support/builders';

describe('lineTotal', () => {
  it('multiplies the unit price by the quantity', () => {
    const { unitPrice, quantity } = order();
    expect(lineTotal(unitPrice, quantity)).toBe(10);
  });

  it('rounds to cents', () => {
    expect(lineTotal(0.333, 3)).toBe(1);
  });

  it('refuses a quantity of zero', () => {
    expect(() => lineTotal(2.5, order({ quantity: 0 }).quantity)).toThrow('quantity must be positive');
  });
});

describe('discounted', () => {
  it('takes the percentage off', () => {
    expect(discounted(80, 25)).toBe(60);
  });
});
