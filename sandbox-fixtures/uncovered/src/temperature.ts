/** Temperature conversions (tested) and a classification nobody tests. */

export function celsiusToFahrenheit(celsius: number): number {
  return (celsius * 9) / 5 + 32;
}

export function fahrenheitToCelsius(fahrenheit: number): number {
  return ((fahrenheit - 32) * 5) / 9;
}

/** Never called by a test: all its mutants are NoCoverage. */
export function classify(celsius: number): string {
  if (celsius < 0) {
    return 'freezing';
  }
  return celsius < 25 ? 'mild' : 'hot';
}
