/**
 * A loop that the per-mutant hit limit cannot see: `stepBetween` runs once, before the loop, so
 * its mutants are never reached again while the loop spins.
 */

/** The sum of the integers from `start` to `end`, both included, counting down if need be. */
export function sumBetween(start: number, end: number): number {
  const step = stepBetween(start, end);
  let total = start;
  for (let value = start; value !== end; ) {
    value += step;
    total += value;
  }
  return total;
}

/**
 * +1 or -1. Emptying the body returns undefined, so `value` becomes NaN and never equals `end`;
 * `end + start` points the wrong way when counting down.
 */
function stepBetween(start: number, end: number): number {
  return Math.sign(end - start);
}
