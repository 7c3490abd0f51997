/** Resolves with `value` after `ms` milliseconds; a negative delay never settles. */
export function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => {
    if (ms >= 0) setTimeout(() => resolve(value), ms);
  });
}
