const DEBUG = false;
const KIB = 1024 * 1;

/** Bytes in `count` kibibytes; logs when DEBUG is on (it never is). */
export function kibibytes(count: number): number {
  if (DEBUG) {
    console.log('kibibytes of ' + count);
  }
  return count * KIB;
}

/** A size in words; `exact` asks for no rounding. */
export function describeSize(bytes: number, exact: boolean): string {
  if (exact) {
    return `${bytes} bytes`;
  }
  return bytes < KIB ? 'under a kibibyte' : `${Math.round(bytes / KIB)} KiB`;
}

/** Whether two sizes differ. */
export function differ(a: number, b: number): boolean {
  return !(a === b);
}
