import { expect, it } from 'vitest';
import { mean } from '../src/stats.mjs';
import { formatDuration } from '../src/duration.ts';
import { retries } from '../src/retries.mts';

it('averages numbers (.mjs)', () => {
  expect(mean([1, 2, 6])).toBe(3);
});

it('formats durations through a .cjs helper (.ts)', () => {
  expect(formatDuration(65)).toBe('1:05');
});

it('keeps a requested retry count (.mts)', () => {
  expect(retries(5)).toBe(5);
});
