import { expect, it } from 'vitest';
import { price } from '../src/price';

it('adds up the items', () => {
  expect(price(2, 3)).toBe(6);
});

it('takes 5 off from 10 items on', () => {
  expect(price(10, 1)).toBe(5);
  expect(price(9, 1)).toBe(9);
});
