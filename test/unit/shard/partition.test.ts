/** The `--shard` partition: deterministic, balanced, every item exactly once, whatever the input order. */
import { describe, expect, it } from 'vitest';
import { partition, type Weighted } from '../../../src/shard/partition.js';

/** A small deterministic random generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** `count` items with ids 1..count and costs like a real plan's: many small, some large, some 0. */
function items(count: number, seed: number): Weighted[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => ({ id: i + 1, cost: next() < 0.2 ? 0 : Math.floor(next() ** 3 * 40) + 1 }));
}

const totals = (shards: number[][], of: readonly Weighted[]) => {
  const cost = new Map(of.map((item) => [item.id, item.cost]));
  return shards.map((ids) => ids.reduce((sum, id) => sum + (cost.get(id) ?? 0), 0));
};

describe('partition', () => {
  it('follows the rule: largest cost first (ties by id), into the least loaded shard (ties: fewest items, then lowest index)', () => {
    const input = [
      { id: 1, cost: 2 },
      { id: 2, cost: 5 },
      { id: 3, cost: 3 },
      { id: 4, cost: 3 },
      { id: 5, cost: 1 },
      { id: 6, cost: 0 },
      { id: 7, cost: 0 },
    ];
    // 2 (5) → 1; 3 (3) → 2; 4 (3) → 3; 1 (2) → 2 (totals 5, 3, 3: shard 2 before 3); 5 (1) → 3 (5, 5, 3);
    // 6 and 7 (0) → 3 (5, 5, 4): the least total comes first, the count only breaks ties.
    expect(partition(input, 3)).toEqual([[2], [1, 3], [4, 5, 6, 7]]);
  });

  it('puts equal costs round the shards in id order', () => {
    const input = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, cost: 1 }));
    expect(partition(input, 3)).toEqual([[1, 4, 7], [2, 5], [3, 6]]);
  });

  it('spreads items that cost nothing evenly, by count', () => {
    const input = Array.from({ length: 6 }, (_, i) => ({ id: i + 1, cost: 0 }));
    expect(partition(input, 3)).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it('gives every item to exactly one shard', () => {
    for (const count of [1, 2, 3, 4, 7]) {
      const input = items(500, count);
      const shards = partition(input, count);
      expect(shards).toHaveLength(count);
      const all = shards.flat().sort((a, b) => a - b);
      expect(all).toEqual(input.map((item) => item.id));
    }
  });

  it('is the same for the same items in any order', () => {
    const input = items(300, 42);
    const expected = partition(input, 4);
    const next = random(7);
    for (let round = 0; round < 20; round++) expect(partition(shuffled(input, next), 4)).toEqual(expected);
  });

  it('balances the shards: totals differ by at most the largest single cost', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const input = items(1000, seed);
      const largest = Math.max(...input.map((item) => item.cost));
      for (const count of [2, 3, 4, 8]) {
        const sums = totals(partition(input, count), input);
        expect(Math.max(...sums) - Math.min(...sums)).toBeLessThanOrEqual(largest);
      }
    }
  });

  it('is near the ideal split on a plan-like cost spread', () => {
    const input = items(1000, 9);
    const sums = totals(partition(input, 4), input);
    const ideal = sums.reduce((a, b) => a + b, 0) / 4;
    expect(Math.max(...sums) / ideal).toBeLessThan(1.01);
  });

  it('leaves shards empty when there are fewer items than shards', () => {
    expect(partition([{ id: 3, cost: 1 }], 3)).toEqual([[3], [], []]);
    expect(partition([], 2)).toEqual([[], []]);
  });

  it('takes fractional costs (measured times) as they are', () => {
    expect(partition([{ id: 1, cost: 0.5 }, { id: 2, cost: 0.25 }, { id: 3, cost: 0.3 }], 2)).toEqual([[1], [2, 3]]);
  });

  it('refuses what cannot be partitioned', () => {
    expect(() => partition([{ id: 1, cost: 1 }, { id: 1, cost: 2 }], 2)).toThrow('id 1 appears twice');
    expect(() => partition([{ id: 1, cost: -1 }], 2)).toThrow('costs must be finite and not negative');
    expect(() => partition([{ id: 1, cost: Number.NaN }], 2)).toThrow('costs must be finite and not negative');
    expect(() => partition([], 0)).toThrow('a whole number of shards');
  });
});
