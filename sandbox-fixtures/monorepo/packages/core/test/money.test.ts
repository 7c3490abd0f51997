import { expect, it } from 'vitest';
import { formatCents } from '../src/money.ts';

it('formats cents', () => {
  expect(formatCents(1250)).toBe('12.50');
  expect(formatCents(7)).toBe('0.07');
  expect(formatCents(-305)).toBe('-3.05');
});
