import { expect, it } from 'vitest';
import { slugify } from '../../src/case';

// 2,000 generated words (a fixed-seed generator, the same every run), each its own test; the
// expected text from a regex, not from the code under test.
const ALPHABET = 'abcxyzABCXYZ0189 -_.é';
let seed = 20260;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
const words = Array.from({ length: 2000 }, () => Array.from({ length: 1 + (next() % 9) }, () => ALPHABET[next() % ALPHABET.length]).join(''));
const reference = (text: string) => text.replace(/[^a-zA-Z0-9]/g, '-').toLowerCase();

it.each(words.map((word, index) => [index, word]))('slugifies word %i', (_, word) => {
  expect(slugify(word)).toBe(reference(word));
});
