import type { Level } from './levels.js';

export type Shape = { kind: 'circle'; radius: number } | { kind: 'square'; side: number };

/** A discriminated union narrowed by a switch. */
export function area(shape: Shape): number {
  switch (shape.kind) {
    case 'circle':
      return Math.PI * shape.radius ** 2;
    case 'square':
      return shape.side * shape.side;
  }
}

/** The return type is inferred: importers see the two literals. */
export function outline(shape: Shape) {
  return shape.kind === 'circle' ? 'round' : 'angular';
}

/** Overloads. */
export function parse(input: string): number;
export function parse(input: number): string;
export function parse(input: string | number): string | number {
  return typeof input === 'string' ? Number(input) : String(input);
}

/** A generic function. */
export function largest<T>(items: readonly T[], size: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (best === undefined || size(item) > size(best)) best = item;
  }
  return best;
}

/** Uses a type imported with `import type` from another module. */
export function warn(level: Level): boolean {
  return level === 'high';
}
