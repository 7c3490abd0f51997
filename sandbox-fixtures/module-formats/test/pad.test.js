import { expect, it } from 'vitest';
import { pad2 } from '../src/pad.cjs';

it('pads single digits (.cjs from a .js test)', () => {
  expect(pad2(7)).toBe('07');
});
