import { describe, expect, it } from 'vitest';
import { formatInvoice, invoices, itemCounts, type Line, type Order } from '../src/invoice';

const lines: Line[] = [
  { item: 'tea', quantity: 2, unitCents: 350 },
  { item: 'scone', quantity: 3, unitCents: 225 },
  { item: 'tea', quantity: 1, unitCents: 350 },
];

describe('formatInvoice', () => {
  it('prints a row per line and the total', () => {
    expect(formatInvoice('Ada', lines)).toMatchSnapshot();
  });

  it('prints invoices of no line and of one line', () => {
    expect(formatInvoice('Bob', [])).toMatchSnapshot();
    expect(formatInvoice('Bob', [{ item: 'cake', quantity: 1, unitCents: 1999 }])).toMatchSnapshot();
  });
});

describe('invoices', () => {
  it('prints an invoice per customer', () => {
    const orders: Order[] = [
      { customer: 'Ada', item: 'tea', quantity: 1, unitCents: 350 },
      { customer: 'Bob', item: 'cake', quantity: 2, unitCents: 1999 },
      { customer: 'Ada', item: 'scone', quantity: 1, unitCents: 225 },
    ];
    const printed = invoices(orders);
    expect(printed).toHaveLength(2);
    for (const invoice of printed) {
      expect(invoice).toMatchSnapshot();
    }
  });
});

describe('itemCounts', () => {
  it('adds up the quantities per item', () => {
    expect(itemCounts(lines)).toMatchSnapshot();
  });
});
