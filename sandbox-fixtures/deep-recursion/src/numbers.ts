/** Recursive arithmetic: a mutated base case recurses until the stack runs out. */

/** n! for a non-negative integer n. */
export function factorial(n: number): number {
  if (n <= 1) return 1;
  return n * factorial(n - 1);
}

/** Sum of the decimal digits of a non-negative integer. */
export function digitSum(n: number): number {
  if (n < 10) return n;
  return n % 10 + digitSum(Math.floor(n / 10));
}
