/** Order pricing: a bulk discount and a per-tier customer discount, in whole cents. */

export type Tier = 'basic' | 'silver' | 'gold';

/** The fraction taken off for a customer tier. */
export function tierDiscount(tier: Tier): number {
  switch (tier) {
    case 'gold':
      return 0.15;
    case 'silver':
      return 0.05;
    default:
      return 0;
  }
}

/** Total in cents for `quantity` items: 10% off from 10 items on, then the tier discount. */
export function orderTotal(unitPrice: number, quantity: number, tier: Tier): number {
  let total = unitPrice * quantity;
  if (quantity >= 10) {
    total *= 0.9;
  }
  return Math.round(total * (1 - tierDiscount(tier)));
}
