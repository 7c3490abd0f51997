import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { slugify } from '../../src/case';

test.prop([fc.string()], { seed: 11 })('leaves no upper-case letter and no space', (text) => {
  expect(slugify(text)).not.toMatch(/[A-Z ]/);
});

test.prop([fc.string()], { seed: 12 })('is idempotent', (text) => {
  expect(slugify(slugify(text))).toBe(slugify(text));
});
