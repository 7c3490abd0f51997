/**
 * Covered-but-unverified code: lines that tests executed, that hold mutants, and where at least
 * one covered mutant survived — code the suite runs without any assertion noticing a change.
 */
import type { LineRange, MutantResult } from '../model.js';

/** Lines (start lines of surviving mutants) of one file's mutants, sorted, without repeats. */
export function unverifiedLines(mutants: readonly MutantResult[]): number[] {
  const lines = new Set(mutants.filter((mutant) => mutant.status === 'Survived').map((mutant) => mutant.location.start.line));
  return [...lines].sort((a, b) => a - b);
}

/** Sorted lines folded into ranges of consecutive lines. */
export function toRanges(lines: readonly number[]): LineRange[] {
  const ranges: LineRange[] = [];
  for (const line of lines) {
    const last = ranges.at(-1);
    if (last !== undefined && line === last.end + 1) last.end = line;
    else ranges.push({ start: line, end: line });
  }
  return ranges;
}

/** `3-5,9` */
export function formatRanges(ranges: readonly LineRange[]): string {
  return ranges.map(({ start, end }) => (start === end ? `${start}` : `${start}-${end}`)).join(',');
}
