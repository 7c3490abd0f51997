import { expect, it } from 'vitest';
import { greeting } from '../src/locale';

it('greets in English by default', () => {
  expect(greeting()).toBe('hello');
});
