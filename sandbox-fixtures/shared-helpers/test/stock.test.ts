import { describe, expect, it } from 'vitest';
import { isLow, reserve } from '../src/stock';
import { order } from './support/builders';

describe('reserve', () => {
  it('takes what is wanted from the stock', () => {
    const { stock, quantity } = order();
    expect(reserve(stock, quantity)).toBe(6);
  });

  it('reserves nothing when too few are left', () => {
    expect(reserve(2, order().quantity)).toBe(0);
  });
});

describe('isLow', () => {
  it('says when the stock runs low', () => {
    expect(isLow(1)).toBe(true);
    expect(isLow(order().stock)).toBe(false);
  });
});
