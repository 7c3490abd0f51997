/** Currency conversion on top of the rate service. */
import { logger } from './logger';
import { fetchRate } from './rates';

/** Converts `amount` between currencies, rounded to cents. Negative amounts are refused with a warning. */
export async function convert(amount: number, from: string, to: string): Promise<number> {
  if (amount < 0) {
    logger.warn(`refusing negative amount ${amount}`);
    return 0;
  }
  if (from === to) {
    return amount;
  }
  const rate = await fetchRate(from, to);
  return Math.round(amount * rate * 100) / 100;
}

/** Converts each amount with `convertOne`, calling it once per amount, in order. */
export async function convertAll(
  amounts: number[],
  convertOne: (amount: number) => Promise<number>,
): Promise<number[]> {
  const results: number[] = [];
  for (const amount of amounts) {
    results.push(await convertOne(amount));
  }
  return results;
}
