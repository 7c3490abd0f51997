export { formatCents, parseCents } from './money.ts';
export { applyDiscount, withTax } from './pricing.ts';
