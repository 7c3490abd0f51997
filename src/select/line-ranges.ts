/** Arithmetic on sets of lines held as 1-based, inclusive line ranges. */
import type { LineRange } from '../model.js';

/** The same lines as `ranges`, sorted, with overlapping and adjacent ranges joined. */
export function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: LineRange[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last.end + 1) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** The lines in both `a` and `b`, merged. */
export function intersectRanges(a: readonly LineRange[], b: readonly LineRange[]): LineRange[] {
  const both: LineRange[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start <= end) both.push({ start, end });
    }
  }
  return mergeRanges(both);
}
