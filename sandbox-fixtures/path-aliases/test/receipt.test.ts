import { describe, expect, it } from 'vitest';
import { receiptTotals } from '@/receipt';
import { vatCents } from '@/lib/tax';

describe('receiptTotals', () => {
  it('adds the VAT of the country', () => {
    expect(receiptTotals(1000, 'DE')).toEqual(['Net 10.00', 'VAT 1.90', 'Total 11.90']);
    expect(receiptTotals(999, 'FR')).toEqual(['Net 9.99', 'VAT 2.00', 'Total 11.99']);
  });
});

describe('vatCents', () => {
  it('refuses a country without a rate', () => {
    expect(() => vatCents(100, 'XX')).toThrow('no VAT rate for XX');
  });
});
