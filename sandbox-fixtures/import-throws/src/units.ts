/** Length units and their size in metres. The table is checked once, when the module loads. */
export const METRES: Record<string, number> = {
  mm: 0.001,
  cm: 0.01,
  m: 1,
  km: 1000,
};

for (const [unit, size] of Object.entries(METRES)) {
  if (size <= 0) {
    throw new Error(`unit ${unit}: size must be positive, got ${size}`);
  }
}

/** `value` in `unit`, in metres. */
export function toMetres(value: number, unit: string): number {
  const size = METRES[unit];
  if (size === undefined) throw new Error(`unknown unit ${unit}`);
  return value * size;
}
