import { afterEach, expect, test } from 'vitest';
import { line, updateSettings } from '../src/guide';

// Puts the guide back after each test, through the code under test.
afterEach(() => {
  updateSettings({ guide: true });
});

test('draws the guide bar', () => {
  expect(line('hello')).toBe('│ hello');
});

test('leaves the bar out while the guide is off', () => {
  updateSettings({ guide: false });
  expect(line('hello')).toBe('hello');
});
