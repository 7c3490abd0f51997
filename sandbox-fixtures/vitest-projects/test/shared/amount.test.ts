import { expect, it } from 'vitest';
import { parseAmount } from '../../src/amount';

it('parses an amount into cents', () => {
  expect(parseAmount('12.50')).toBe(1250);
});

it('accepts or refuses surrounding spaces, as the mode says', () => {
  if (process.env.STRICT_AMOUNTS === '1') expect(() => parseAmount(' 1 ')).toThrow('surrounding spaces');
  else expect(parseAmount(' 1 ')).toBe(100);
});
