import { describe, expect, it } from 'vitest';
import { formatPrice, isZoneName, shippingRate } from '../src/shipping';

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

describe('isZoneName', () => {
  it('accepts lower-case words only', () => {
    expect(isZoneName('europe')).toBe(true);
    expect(isZoneName('Europe')).toBe(false);
    expect(isZoneName('eu rope')).toBe(false);
    expect(isZoneName('')).toBe(false);
  });
});
