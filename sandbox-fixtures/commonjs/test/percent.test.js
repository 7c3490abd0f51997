import { expect, it } from 'vitest';
import { usedPercent } from '../src/quota.js';

it('rounds to a whole percentage', () => {
  expect(usedPercent(1, 3)).toBe(33);
});

it('is capped at 100', () => {
  expect(usedPercent(150, 100)).toBe(100);
});
