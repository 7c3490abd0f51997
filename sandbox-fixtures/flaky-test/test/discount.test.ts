import { expect, it } from 'vitest';
import { discount } from '../src/discount';

it('takes 10% off from 100 on', () => {
  expect(discount(100)).toBe(90);
  expect(discount(200)).toBe(180);
});

it('leaves smaller totals alone', () => {
  expect(discount(99)).toBe(99);
});
