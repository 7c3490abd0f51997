/** Rounds an amount to whole cents. Shared by src/price.ts and src/shipping.ts; outside `mutate`. */
export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
