import { describe, expect, it } from 'vitest';
import { titleCase, truncate } from '../src/text';

describe('truncate', () => {
  it('keeps text that fits exactly', () => {
    expect(truncate('hello', 5)).toBe('hello');
  });

  it('cuts longer text and ends it with an ellipsis', () => {
    expect(truncate('hello world', 6)).toBe('hello…');
  });
});

describe('titleCase', () => {
  it('capitalises every word and keeps the rest as is', () => {
    expect(titleCase('red wOOl scarf')).toBe('Red WOOl Scarf');
  });
});
