import { expect, it } from 'vitest';
import { readPort } from '../src/port';

it('reads a valid port', () => {
  expect(readPort('8080')).toBe(8080);
  expect(readPort('1')).toBe(1);
  expect(readPort('65535')).toBe(65535);
});
