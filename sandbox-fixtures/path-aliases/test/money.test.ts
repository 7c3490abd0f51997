import { expect, it } from 'vitest';
// By relative path here, through the `@/` alias in src/receipt.ts: both must reach the one module.
import { formatCents } from '../src/lib/money';

it('formats cents as a price', () => {
  expect(formatCents(1999)).toBe('19.99');
  expect(formatCents(5)).toBe('0.05');
  expect(formatCents(-250)).toBe('-2.50');
});
