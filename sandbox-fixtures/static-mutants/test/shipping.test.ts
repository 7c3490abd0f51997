import { describe, expect, it } from 'vitest';
import { formatPrice, shippingRate } from '../src/shipping';

describe('shippingRate', () => {
  it('charges more the further away the zone is', () => {
    expect(shippingRate('domestic')).toBe(500);
    expect(shippingRate('europe')).toBe(1000);
    expect(shippingRate('world')).toBe(1500);
  });

  it('rejects an unknown zone', () => {
    expect(() => shippingRate('moon')).toThrow('Unknown zone: moon');
  });
});

describe('formatPrice', () => {
  it('shows euros with two decimals', () => {
    expect(formatPrice(1050)).toBe('10.50 EUR');
  });
});
