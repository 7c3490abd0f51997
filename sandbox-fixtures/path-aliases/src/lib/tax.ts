/** VAT rates per country, in percent. */
export const VAT_PERCENT: Record<string, number> = { DE: 19, FR: 20 };

/** VAT on `cents`, rounded to whole cents. */
export function vatCents(cents: number, country: string): number {
  const rate = VAT_PERCENT[country];
  if (rate === undefined) throw new Error(`no VAT rate for ${country}`);
  return Math.round(cents * rate / 100);
}
