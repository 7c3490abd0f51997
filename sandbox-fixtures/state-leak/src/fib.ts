/** Fibonacci numbers, memoised in a module-level cache that outlives any one test. */
const cache = new Map<number, number>();

export function fib(n: number): number {
  if (n < 2) return n;
  const known = cache.get(n);
  if (known !== undefined) return known;
  const value = fib(n - 1) + fib(n - 2);
  cache.set(n, value);
  return value;
}
