/** Doubles a number; a NaN is a bug in the caller, and aborts the process. */
export function double(value: number): number {
  if (Number.isNaN(value)) {
    process.abort();
  }
  return value * 2;
}
