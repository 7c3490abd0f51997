/** The price of `count` items at `unit` each, 5 off from 10 items on. */
export function price(count: number, unit: number): number {
  const total = count * unit;
  return count >= 10 ? total - 5 : total;
}
