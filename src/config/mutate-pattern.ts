/**
 * StrykerJS's `mutate` pattern syntax: an optional leading `!` (exclude what earlier patterns
 * selected) and an optional `:start-end` line-range suffix on a plain file path
 * (`src/app.ts:10-20`; Stryker's `:line:column-line:column` form is accepted, columns dropped).
 */
import { isDynamicPattern } from 'tinyglobby';
import type { LineRange } from '../model.js';

export interface MutatePattern {
  negated: boolean;
  /** The glob or path, without `!`, range suffix or leading `./`. */
  glob: string;
  range?: LineRange;
}

const RANGE_SUFFIX = /^(.*?):(\d+)(?::\d+)?-(\d+)(?::\d+)?$/;

export function parseMutatePattern(pattern: string): MutatePattern {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const match = RANGE_SUFFIX.exec(body);
  const glob = (match ? match[1] : body).replace(/^\.\//, '');
  return match
    ? { negated, glob, range: { start: Number(match[2]), end: Number(match[3]) } }
    : { negated, glob };
}

/** Why a pattern is invalid (phrased to follow the option name), or undefined when it is fine. */
export function mutatePatternProblem(pattern: string): string | undefined {
  const { glob, range } = parseMutatePattern(pattern);
  if (!range) return undefined;
  if (isDynamicPattern(glob)) return 'cannot combine a glob with a line range';
  if (range.start < 1) return 'has a line range that starts before line 1';
  if (range.end < range.start) return 'has a line range that ends before it starts';
  return undefined;
}
