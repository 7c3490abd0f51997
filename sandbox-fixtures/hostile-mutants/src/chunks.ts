/** Splits `total` items into chunks of `size`, allocating each chunk as it goes. */
export function chunkCount(total: number, size: number): number {
  const chunks: number[][] = [];
  let left = total;
  while (left > 0) {
    chunks.push(new Array<number>(size).fill(0));
    left -= size;
  }
  return chunks.length;
}
