export type Level = 'low' | 'high';

/** A literal union as the declared return type. */
export function levelOf(reading: number): Level {
  return reading > 10 ? 'high' : 'low';
}

/** A tuple as the declared return type. */
export function bounds(readings: readonly number[]): [number, number] {
  return [Math.min(...readings), Math.max(...readings)];
}

/** A typed variable holding an arrow function. */
export const double: (reading: number) => number = (reading) => reading * 2;

/** Checked with `satisfies`: importers see the object's own type. */
export const limits = { min: 1, max: 10 } satisfies Record<string, number>;
