/** `cents` less `percent` per cent, rounded down; a percentage outside 0–100 is refused. */
export function applyDiscount(cents: number, percent: number): number {
  if (percent < 0 || percent > 100) throw new RangeError(`bad discount: ${percent}`);
  return Math.floor((cents * (100 - percent)) / 100);
}

/** `cents` plus VAT at `rate` (0.2 = 20 %), rounded to the cent. */
export function withTax(cents: number, rate: number): number {
  return Math.round(cents * (1 + rate));
}
