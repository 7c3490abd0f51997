import { expect, it } from 'vitest';
import { formatAmount } from '../src/amount';

// Weak on purpose: any text with "12" in it passes.
it('shows the amount', () => {
  expect(formatAmount(1250)).toMatch(/12/);
});
