/** Parses "12.50" into cents. With STRICT_AMOUNTS set, a value with spaces is refused. */
export function parseAmount(text: string): number {
  if (process.env.STRICT_AMOUNTS === '1' && text.trim() !== text) {
    throw new Error('amount has surrounding spaces');
  }
  return Math.round(Number(text) * 100);
}

/** 1250 → "€12.50". */
export function formatAmount(cents: number): string {
  return `€${(cents / 100).toFixed(2)}`;
}
