import { expect, it } from 'vitest';
import { double } from '../src/double';

it('doubles', () => {
  expect(double(21)).toBe(42);
});
