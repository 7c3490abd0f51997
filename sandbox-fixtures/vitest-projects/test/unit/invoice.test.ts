import { expect, it } from 'vitest';
import { invoiceTotal } from '../../src/invoice';

it('adds the lines of an invoice', () => {
  expect(invoiceTotal(['1.50', '2.25'])).toBe(375);
});
