import { expect, it } from 'vitest';
import { discount } from '../src/discount';
import { farewell, greet } from '../src/greeting';
import { runNumber } from './runs';

// Passes the first time it runs, fails every time after.
it('greets, while the service is up', () => {
  expect(discount(50)).toBe(50);
  expect(runNumber('greet')).toBe(1);
  expect(greet('Ann')).toBe('Hello, Ann!');
});

// Fails the first time it runs, passes every time after.
it('says goodbye, once the service is warm', () => {
  expect(runNumber('farewell')).toBeGreaterThan(1);
  expect(farewell('Ann')).toBe('Goodbye, Ann.');
});
