import { expect, it } from 'vitest';
import { invoiceTotal } from '../src/invoice';

it('totals an empty invoice to zero', () => {
  expect(invoiceTotal([])).toBe(0);
});
