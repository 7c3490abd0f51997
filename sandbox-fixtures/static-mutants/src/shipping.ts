/**
 * Shipping rates. The zone list, the currency and the rate table are built once, while the
 * module loads, so mutants in them (and in buildRateTable) are static: no test is running
 * when that code executes.
 */

const BASE_RATE = 500;
const ZONES = ['domestic', 'europe', 'world'];
const CURRENCY = 'EUR';
const RATES = buildRateTable();

/** Each zone costs one more base rate than the previous one. */
function buildRateTable(): Map<string, number> {
  const table = new Map<string, number>();
  ZONES.forEach((zone, index) => {
    table.set(zone, BASE_RATE * (index + 1));
  });
  return table;
}

/** Shipping cost in cents for a zone. */
export function shippingRate(zone: string): number {
  const rate = RATES.get(zone);
  if (rate === undefined) {
    throw new Error(`Unknown zone: ${zone}`);
  }
  return rate;
}

/** Formats cents as a price in the shop's currency. */
export function formatPrice(cents: number): string {
  return `${(cents / 100).toFixed(2)} ${CURRENCY}`;
}

/** Zone names are lower-case words: read only by isZoneName, so its mutants are not static (see the README). */
const ZONE_NAME = /^[a-z]+$/;

/** Whether `name` could name a zone. */
export function isZoneName(name: string): boolean {
  return ZONE_NAME.test(name);
}
