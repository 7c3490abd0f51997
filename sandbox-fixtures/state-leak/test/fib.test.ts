import { expect, it } from 'vitest';
import { fib } from '../src/fib';

it('computes Fibonacci numbers', () => {
  expect(fib(10)).toBe(55);
  expect(fib(1)).toBe(1);
});
