import { applyDiscount, formatCents, withTax } from '@mono/core';

export interface Line {
  cents: number;
  quantity: number;
}

/** The order total with VAT, after `discount` per cent off the lines' sum. */
export function orderTotal(lines: Line[], discount = 0): number {
  const net = lines.reduce((sum, line) => sum + line.cents * line.quantity, 0);
  return withTax(applyDiscount(net, discount), 0.2);
}

/** "Total: 12.50 EUR", or "Free" for a zero total. */
export function totalLabel(cents: number): string {
  if (cents === 0) return 'Free';
  return `Total: ${formatCents(cents)} EUR`;
}
