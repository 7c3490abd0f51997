/** Loops whose plausible mutants never terminate. */

/** 1 + 2 + … + n. `i <= n` → `true` and `i++` → `i--` make this loop forever. */
export function sumTo(n: number): number {
  let total = 0;
  for (let i = 1; i <= n; i++) {
    total += i;
  }
  return total;
}

/**
 * Greatest common divisor (Euclid). Emptying the loop body, `b !== 0` → `true`,
 * `[b, a % b]` → `[]` and `a % b` → `a * b` all keep `b` from ever reaching 0.
 */
export function gcd(a: number, b: number): number {
  while (b !== 0) {
    [a, b] = [b, a % b];
  }
  return a;
}
