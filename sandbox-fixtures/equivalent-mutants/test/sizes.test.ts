import { describe, expect, it } from 'vitest';
import { describeSize, differ, kibibytes } from '../src/sizes.js';

describe('sizes', () => {
  it('converts kibibytes', () => {
    expect(kibibytes(2)).toBe(2048);
  });

  it('describes sizes', () => {
    expect(describeSize(100, true)).toBe('100 bytes');
    expect(describeSize(100, false)).toBe('under a kibibyte');
    expect(describeSize(4096, false)).toBe('4 KiB');
  });

  it('tells different sizes apart', () => {
    expect(differ(1, 2)).toBe(true);
    expect(differ(2, 2)).toBe(false);
  });
});
