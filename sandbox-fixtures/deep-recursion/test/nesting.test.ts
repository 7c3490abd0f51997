import { expect, it } from 'vitest';
import { nestingDepth } from '../src/nesting';

it('counts how deeply arrays nest', () => {
  expect(nestingDepth('a')).toBe(0);
  expect(nestingDepth([])).toBe(1);
  expect(nestingDepth(['a', ['b', ['c']], 'd'])).toBe(3);
});
