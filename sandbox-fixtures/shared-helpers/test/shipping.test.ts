import { describe, expect, it } from 'vitest';
import { shippingCost } from '../src/shipping';

describe('shippingCost', () => {
  it('charges by weight band', () => {
    expect(shippingCost(1)).toBe(4);
    expect(shippingCost(6)).toBe(6.5);
  });

  it('charges per kilogram above 20 kg, in whole cents', () => {
    expect(shippingCost(30)).toBe(12);
    expect(shippingCost(20.5)).toBe(9.63);
  });
});
