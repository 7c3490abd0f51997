/** Humidity helpers: no test imports this module, so all its mutants are NoCoverage. */

/** Dew point in °C (Magnus approximation). */
export function dewPoint(celsius: number, relativeHumidity: number): number {
  const gamma = Math.log(relativeHumidity / 100) + (17.62 * celsius) / (243.12 + celsius);
  return (243.12 * gamma) / (17.62 - gamma);
}

export function isMuggy(relativeHumidity: number): boolean {
  return relativeHumidity > 70 && relativeHumidity <= 100;
}
