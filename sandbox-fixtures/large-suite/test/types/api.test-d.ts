import { expectTypeOf, test } from 'vitest';
import { slugify } from '../../src/case';
import { charClass, type CharClass } from '../../src/chars';
import { clamp } from '../../src/range';

test('the public signatures', () => {
  expectTypeOf(charClass).returns.toEqualTypeOf<CharClass>();
  expectTypeOf(slugify).parameters.toEqualTypeOf<[string]>();
  expectTypeOf(clamp).returns.toBeNumber();
});
