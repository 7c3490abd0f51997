export function reserve(available: number, wanted: number): number {
  if (wanted > available) return 0;
  return available - wanted;
}

export function isLow(available: number): boolean {
  return available < 3;
}

export function restock(available: number, added: number): number {
  return available + added;
}
