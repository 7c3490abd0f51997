import { roundCents } from '../lib/round';

export function shippingCost(weightKg: number): number {
  if (weightKg > 20) return roundCents(9.5 + (weightKg - 20) * 0.25);
  return weightKg > 5 ? 6.5 : 4;
}
