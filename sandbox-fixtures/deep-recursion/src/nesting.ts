/** How deeply arrays nest: a string is a leaf (0), `[]` is 1, `[['a']]` is 2. */
export function nestingDepth(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  let deepest = 0;
  for (const item of value) {
    deepest = Math.max(deepest, nestingDepth(item));
  }
  return deepest + 1;
}
