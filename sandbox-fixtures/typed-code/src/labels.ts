import { outline, type Shape } from './shapes.js';
import { limits } from './levels.js';

const NAMES: Record<'round' | 'angular', string> = { round: 'a round shape', angular: 'an angular shape' };

/** Indexes a record with the literals `outline` returns. */
export function describeShape(shape: Shape): string {
  return NAMES[outline(shape)];
}

/** Reads the `satisfies`-checked object's properties. */
export function clamp(value: number): number {
  return Math.min(limits.max, Math.max(limits.min, value));
}
