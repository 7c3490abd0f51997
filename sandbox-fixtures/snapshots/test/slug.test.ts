import { expect, it } from 'vitest';
import { slugify } from '../src/slug';

it('makes URL slugs', () => {
  expect(slugify('Hello, World!')).toMatchInlineSnapshot(`"hello-world"`);
  expect(slugify('  Tea & Scones  2024 ')).toMatchInlineSnapshot(`"tea-scones-2024"`);
});
