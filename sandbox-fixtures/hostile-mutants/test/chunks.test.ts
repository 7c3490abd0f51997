import { expect, it } from 'vitest';
import { chunkCount } from '../src/chunks';

it('counts chunks of a million items', () => {
  expect(chunkCount(3_000_000, 1_000_000)).toBe(3);
});
