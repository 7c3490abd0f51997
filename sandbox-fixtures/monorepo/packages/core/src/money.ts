/** 1250 → "12.50". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  return `${sign}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

/** "12.50" → 1250; no number → undefined. */
export function parseCents(text: string): number | undefined {
  const value = Number(text);
  return Number.isNaN(value) ? undefined : Math.round(value * 100);
}
