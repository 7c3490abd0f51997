import { describe, expect, it } from 'vitest';
import { orderTotal, tierDiscount } from '../src/pricing';

describe('tierDiscount', () => {
  it('gives each tier its own discount', () => {
    expect(tierDiscount('gold')).toBe(0.15);
    expect(tierDiscount('silver')).toBe(0.05);
    expect(tierDiscount('basic')).toBe(0);
  });
});

describe('orderTotal', () => {
  it('charges the full price below 10 items', () => {
    expect(orderTotal(200, 9, 'basic')).toBe(1800);
  });

  it('takes 10% off from exactly 10 items', () => {
    expect(orderTotal(200, 10, 'basic')).toBe(1800);
  });

  it('applies the tier discount after the bulk discount', () => {
    expect(orderTotal(200, 10, 'gold')).toBe(1530);
    expect(orderTotal(100, 3, 'silver')).toBe(285);
  });
});
