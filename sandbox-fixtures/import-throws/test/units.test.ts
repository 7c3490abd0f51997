import { expect, it } from 'vitest';
import { toMetres } from '../src/units';

it('converts to metres', () => {
  expect(toMetres(2.5, 'km')).toBe(2500);
  expect(toMetres(30, 'cm')).toBe(0.3);
});

it('refuses an unknown unit', () => {
  expect(() => toMetres(1, 'mile')).toThrow('unknown unit mile');
});
