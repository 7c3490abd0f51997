import { describe, expect, it } from 'vitest';
import { celsiusToFahrenheit, fahrenheitToCelsius } from '../src/temperature';

describe('conversions', () => {
  it('converts Celsius to Fahrenheit', () => {
    expect(celsiusToFahrenheit(100)).toBe(212);
    expect(celsiusToFahrenheit(-40)).toBe(-40);
  });

  it('converts Fahrenheit to Celsius', () => {
    expect(fahrenheitToCelsius(212)).toBe(100);
    expect(fahrenheitToCelsius(50)).toBe(10);
  });
});
