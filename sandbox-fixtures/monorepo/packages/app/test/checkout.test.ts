import { expect, it } from 'vitest';
import { orderTotal, totalLabel } from '../src/checkout.ts';

it('totals the lines with VAT, after the discount', () => {
  expect(orderTotal([{ cents: 1000, quantity: 2 }, { cents: 500, quantity: 1 }])).toBe(3000);
  expect(orderTotal([{ cents: 1000, quantity: 1 }], 10)).toBe(1080);
});

it('refuses a discount above 100 %', () => {
  expect(() => orderTotal([], 150)).toThrow(RangeError);
});

// Weak on purpose: only checks that the amount is in the label.
it('labels a total', () => {
  expect(totalLabel(1250)).toContain('12.50');
});
