import { describe, expect, it } from 'vitest';
import { area, largest, parse, warn } from '../src/shapes.js';
import { clamp, describeShape } from '../src/labels.js';

describe('shapes', () => {
  it('computes areas', () => {
    expect(area({ kind: 'square', side: 3 })).toBe(9);
    expect(area({ kind: 'circle', radius: 1 })).toBeCloseTo(Math.PI);
  });

  it('describes shapes', () => {
    expect(describeShape({ kind: 'circle', radius: 1 })).toBe('a round shape');
    expect(describeShape({ kind: 'square', side: 1 })).toBe('an angular shape');
  });

  it('parses both ways', () => {
    expect(parse('42')).toBe(42);
    expect(parse(42)).toBe('42');
  });

  it('finds the largest item', () => {
    expect(largest(['a', 'abc', 'ab'], (item) => item.length)).toBe('abc');
  });

  it('warns on high levels only', () => {
    expect(warn('high')).toBe(true);
    expect(warn('low')).toBe(false);
  });

  it('clamps', () => {
    expect(clamp(0)).toBe(1);
    expect(clamp(20)).toBe(10);
    expect(clamp(5)).toBe(5);
  });
});
