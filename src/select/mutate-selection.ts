/**
 * Applies `mutate` patterns to candidate file names the way StrykerJS does: in order, a pattern
 * adds the files it matches (whole, or just its line range) and a `!` pattern removes them again.
 */
import picomatch from 'picomatch';
import type { MutatePattern } from '../config/mutate-pattern.js';
import type { LineRange } from '../model.js';

/** Selected file name → its line ranges, or undefined when the whole file is selected. */
export type MutateSelection = Map<string, LineRange[] | undefined>;

export function applyMutatePatterns(
  names: readonly string[],
  patterns: readonly MutatePattern[],
): MutateSelection {
  const selection: MutateSelection = new Map();
  for (const { negated, glob, range } of patterns) {
    const isMatch = picomatch(glob);
    const matched = (negated ? [...selection.keys()] : names).filter((name) => isMatch(name));
    for (const name of matched) {
      if (negated) selection.delete(name);
      else selection.set(name, unionRanges(selection, name, range));
    }
  }
  return selection;
}

function unionRanges(
  selection: MutateSelection,
  name: string,
  range: LineRange | undefined,
): LineRange[] | undefined {
  if (!selection.has(name)) return range && [range];
  const previous = selection.get(name);
  return previous && range ? [...previous, range] : undefined;
}
