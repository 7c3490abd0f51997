/** Outside `mutate`: formats an amount of cents. */
export function formatCents(cents: number): string {
  return `${(cents / 100).toFixed(2)} EUR`;
}
