import { roundCents } from '../lib/round';

export function lineTotal(unitPrice: number, quantity: number): number {
  if (quantity <= 0) throw new Error('quantity must be positive');
  return roundCents(unitPrice * quantity);
}

export function discounted(amount: number, percent: number): number {
  return roundCents(amount - amount * percent / 100);
}
