import { expect, it } from 'vitest';
import { finish } from '../src/finish';

it('waits for a job that is not done', () => {
  expect(finish({ done: false, errors: 3 })).toBe('still running');
});

it('finishes a job without errors', () => {
  expect(finish({ done: true, errors: 0 })).toBe('finished');
});
