import { expect, it } from 'vitest';
import { padLeft, truncate } from '../../src/text';

// Weak on purpose: the lengths are bounded, the content hardly checked.
it('keeps a short text', () => {
  expect(truncate('hello', 10)).toBe('hello');
});

it('cuts a long text to at most max characters', () => {
  expect(truncate('hello world', 5).length).toBeLessThanOrEqual(5);
});

it('pads a number', () => {
  expect(padLeft('7', 3)).toContain('7');
});
