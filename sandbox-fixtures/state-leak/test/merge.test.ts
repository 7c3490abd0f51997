import { expect, it } from 'vitest';
import { merge } from '../src/merge';

it('merges nested objects', () => {
  expect(merge({ a: { b: 1 }, c: 1 }, { a: { d: 2 }, c: 3 })).toEqual({ a: { b: 1, d: 2 }, c: 3 });
});

// A mutant that drops the guard merges the source's `__proto__` into Object.prototype: every
// object in the thread then has an enumerable `polluted` key (vitest's next test file fails to load).
it('never merges a __proto__ key', () => {
  const source = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}') as Record<string, unknown>;
  expect(merge({}, source)).toEqual({ a: 1 });
});
