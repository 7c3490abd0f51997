/** A shopping cart: line items, subtotal, shipping, coupons and the checkout total. Prices are in cents. */

export interface LineItem {
  name: string;
  unitPrice: number;
  quantity: number;
}

/** Orders from this subtotal on ship for free. */
export const FREE_SHIPPING_FROM = 5000;
export const SHIPPING_FEE = 499;

/** Adds `item` to the cart, merging it with a line of the same name. */
export function addItem(items: LineItem[], item: LineItem): LineItem[] {
  if (item.quantity <= 0) {
    throw new Error(`Quantity must be positive, got ${item.quantity}`);
  }
  const existing = items.find((line) => line.name === item.name);
  if (!existing) {
    return [...items, item];
  }
  return items.map((line) =>
    line === existing ? { ...line, quantity: line.quantity + item.quantity } : line,
  );
}

/** Sum of unit price times quantity over all lines. */
export function subtotal(items: LineItem[]): number {
  return items.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
}

/** Shipping is free from FREE_SHIPPING_FROM on. */
export function shipping(amount: number): number {
  return amount >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE;
}

/** Applies a coupon code to an amount; unknown codes change nothing. */
export function applyCoupon(amount: number, code: string): number {
  if (code === 'SAVE10') {
    return Math.round(amount * 0.9);
  }
  return amount;
}

/** What the customer pays: the discounted subtotal plus shipping on it. */
export function checkoutTotal(items: LineItem[], coupon: string): number {
  const discounted = applyCoupon(subtotal(items), coupon);
  return discounted + shipping(discounted);
}
