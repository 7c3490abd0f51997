/** Exchange rates from a remote service. Tests replace this module with vi.mock, so its mutants are never run. */

export async function fetchRate(from: string, to: string): Promise<number> {
  const response = await fetch(`https://rates.example.com/latest?base=${from}&symbols=${to}`);
  if (!response.ok) {
    throw new Error(`Rate service answered ${response.status}`);
  }
  const body = (await response.json()) as { rates: Record<string, number> };
  return body.rates[to];
}
