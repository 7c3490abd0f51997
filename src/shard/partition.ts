/**
 * The partition behind `--shard i/n`: which of `n` shards each mutant goes to, balanced by cost.
 *
 * Every shard job runs on its own machine and computes the partition by itself, so the result
 * must depend on the items alone, never on their order or on anything a machine measures. The
 * rule (a deterministic greedy, "largest cost first"):
 *
 * 1. items are taken by cost, largest first; equal costs by id, smallest first;
 * 2. each goes to the shard with the least total cost so far; on a tie, the one with the fewest
 *    items so far (so that items costing nothing spread evenly); on a tie again, the lowest index.
 *
 * Ids must be unique and costs finite and not negative. The same items in any order give the same
 * partition; every item lands in exactly one shard.
 */

export interface Weighted {
  id: number;
  cost: number;
}

/** The ids of each of `count` shards (shard i at index i − 1), each list in ascending order. */
export function partition(items: readonly Weighted[], count: number): number[][] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`a partition needs a whole number of shards, got ${count}`);
  const seen = new Set<number>();
  for (const { id, cost } of items) {
    if (seen.has(id)) throw new RangeError(`id ${id} appears twice`);
    if (!Number.isFinite(cost) || cost < 0) throw new RangeError(`id ${id} has cost ${cost}: costs must be finite and not negative`);
    seen.add(id);
  }
  const order = [...items].sort((a, b) => b.cost - a.cost || a.id - b.id);
  const shards = Array.from({ length: count }, () => ({ total: 0, ids: [] as number[] }));
  for (const item of order) {
    let best = shards[0];
    for (const shard of shards) {
      if (shard.total < best.total || (shard.total === best.total && shard.ids.length < best.ids.length)) best = shard;
    }
    best.total += item.cost;
    best.ids.push(item.id);
  }
  return shards.map((shard) => shard.ids.sort((a, b) => a - b));
}
